using System.ComponentModel.DataAnnotations;
using Telehealth.Gateway.Devices.Sensors.Polling;

namespace Telehealth.Gateway.Devices.Sensors.Imu;

/// <summary>A limb IMU (MPU-6050) strapped to the shank, reporting the joint angle.</summary>
public sealed class ImuSensorOptions : PolledSensorOptions
{
    /// <summary>Configuration section of a single IMU (see docs/sensors.md for the proposed device registry).</summary>
    public const string SectionName = "Sensors:Imu";

    public ImuSensorOptions()
    {
        SamplePeriod = TimeSpan.FromMilliseconds(20);
    }

    /// <summary>I2C bus number (/dev/i2c-N). Default 1, the Raspberry Pi's header bus.</summary>
    [Range(0, 255)]
    public int BusId { get; set; } = 1;

    /// <summary>7-bit I2C address: 0x68 (AD0 low, default) or 0x69 (AD0 high).</summary>
    [Range(0x08, 0x77)]
    public int Address { get; set; } = 0x68;

    /// <summary>Weight of the integrated gyroscope in the complementary filter (the rest is the accelerometer's tilt). Default 0.98.</summary>
    [Range(0.0, 0.999)]
    public double GyroWeight { get; set; } = 0.98;

    /// <summary>A gap between samples longer than this restarts the filter from the accelerometer. Default 0.5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan MaxSampleGap { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Joint angle = (InvertAngle ? −1 : 1) × shank inclination + MountingOffsetDeg. Defaults (0, false) give the knee
    /// angle of a standing knee flexion (thigh vertical). For a seated knee extension (thigh horizontal, shank hanging at
    /// 90°) use offset 90 and invert.
    /// </summary>
    [Range(-360.0, 360.0)]
    public double MountingOffsetDeg { get; set; }

    /// <summary>See <see cref="MountingOffsetDeg"/>.</summary>
    public bool InvertAngle { get; set; }
}
