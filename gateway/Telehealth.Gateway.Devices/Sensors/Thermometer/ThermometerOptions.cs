using System.ComponentModel.DataAnnotations;
using Telehealth.Gateway.Devices.Sensors.Polling;

namespace Telehealth.Gateway.Devices.Sensors.Thermometer;

/// <summary>An MLX90614 infrared thermometer measuring skin (forehead or wrist) temperature.</summary>
public sealed class ThermometerOptions : PolledSensorOptions
{
    /// <summary>Configuration section of a single thermometer.</summary>
    public const string SectionName = "Sensors:Thermometer";

    public ThermometerOptions()
    {
        SamplePeriod = TimeSpan.FromSeconds(1);
    }

    /// <summary>I2C bus number. Default 1.</summary>
    [Range(0, 255)]
    public int BusId { get; set; } = 1;

    /// <summary>7-bit SMBus address. Default 0x5A.</summary>
    [Range(0x08, 0x77)]
    public int Address { get; set; } = 0x5A;

    /// <summary>
    /// Object temperatures below this are the room, not a person in front of the sensor, and are not reported.
    /// Default 30 °C.
    /// </summary>
    [Range(0.0, 45.0)]
    public double PresenceThresholdCelsius { get; set; } = 30;

    /// <summary>
    /// Samples taken once someone is in front; their median is the one reading of that presence (the next one needs
    /// the person to step away and come back). Default 3.
    /// </summary>
    [Range(1, 100)]
    public int SamplesPerMeasurement { get; set; } = 3;

    /// <summary>Added to the measured skin temperature (a per-site calibration towards core temperature). Default 0.</summary>
    [Range(-5.0, 5.0)]
    public double OffsetCelsius { get; set; }
}
