namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>
/// One wired I2C sensor of the device registry, <c>Devices:I2c:N</c>. Settings a kind does not use are ignored; every
/// default is the one of the kind's options class (docs/sensors.md).
/// </summary>
public sealed class I2cSensorEntry
{
    /// <summary>The enrolled device id its readings carry (pseudonymous).</summary>
    public string Id { get; set; } = "";

    /// <summary>The chip. Required.</summary>
    public I2cSensorKind? Kind { get; set; }

    /// <summary>I2C bus number (<c>/dev/i2c-N</c>). Default 1.</summary>
    public int Bus { get; set; } = 1;

    /// <summary>7-bit address, hex (<c>0x68</c>) or decimal. Default: the chip's (0x68, 0x5A, 0x57).</summary>
    public string? Address { get; set; }

    /// <summary>Samples per second. Default: the kind's (MPU-6050 50, MLX90614 1, MAX30102 FIFO drained 5 times a second).</summary>
    public double? SampleHz { get; set; }

    /// <summary>First wait after a bus error, seconds (doubling). Default 1.</summary>
    public double? RetryInitialSeconds { get; set; }

    /// <summary>Longest wait between retries, seconds. Default 60.</summary>
    public double? RetryMaxSeconds { get; set; }

    /// <summary>MPU-6050: joint angle offset, degrees. Default 0.</summary>
    public double? MountingOffsetDeg { get; set; }

    /// <summary>MPU-6050: negate the inclination. Default false.</summary>
    public bool? InvertAngle { get; set; }

    /// <summary>MPU-6050: complementary filter's gyroscope weight. Default 0.98.</summary>
    public double? GyroWeight { get; set; }

    /// <summary>MLX90614: object temperature that means "a person is in front", °C. Default 30.</summary>
    public double? PresenceThresholdCelsius { get; set; }

    /// <summary>MLX90614: samples whose median is one reading. Default 3.</summary>
    public int? SamplesPerMeasurement { get; set; }

    /// <summary>MLX90614: calibration offset added, °C. Default 0.</summary>
    public double? OffsetCelsius { get; set; }

    /// <summary>MAX30102: estimation window, seconds. Default 8.</summary>
    public double? WindowSeconds { get; set; }
}
