using System.ComponentModel.DataAnnotations;
using Telehealth.Gateway.Devices.Sensors.Polling;

namespace Telehealth.Gateway.Devices.Sensors.PulseOximeter;

/// <summary>A MAX30102 finger pulse oximeter on I2C.</summary>
public sealed class PulseOximeterOptions : PolledSensorOptions
{
    /// <summary>Configuration section of a single pulse oximeter.</summary>
    public const string SectionName = "Sensors:PulseOximeter";

    public PulseOximeterOptions()
    {
        // The FIFO holds 32 samples = 320 ms at 100 samples/s: drain it well before that.
        SamplePeriod = TimeSpan.FromMilliseconds(200);
    }

    /// <summary>I2C bus number. Default 1.</summary>
    [Range(0, 255)]
    public int BusId { get; set; } = 1;

    /// <summary>7-bit address; the MAX30102's is fixed at 0x57.</summary>
    [Range(0x08, 0x77)]
    public int Address { get; set; } = 0x57;

    /// <summary>Conversions per second. Default 100.</summary>
    public Max30102SampleRate SampleRate { get; set; } = Max30102SampleRate.Sps100;

    /// <summary>Length of the estimation window. Default 8 s.</summary>
    [Range(typeof(TimeSpan), "00:00:03", "00:01:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(8);
}
