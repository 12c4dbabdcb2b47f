using System.ComponentModel.DataAnnotations;
using Telehealth.Gateway.Devices.Sensors.Polling;

namespace Telehealth.Gateway.Devices.Sensors.LoadCell;

/// <summary>A grip dynamometer: one load cell on an HX711.</summary>
public sealed class LoadCellOptions : PolledSensorOptions
{
    /// <summary>Configuration section of a single grip dynamometer.</summary>
    public const string SectionName = "Sensors:Grip";

    public LoadCellOptions()
    {
        SamplePeriod = TimeSpan.FromMilliseconds(100);
    }

    /// <summary>GPIO (logical/BCM) pin wired to the HX711's DOUT.</summary>
    [Range(0, 255)]
    public int DataPin { get; set; } = 5;

    /// <summary>GPIO pin wired to the HX711's PD_SCK.</summary>
    [Range(0, 255)]
    public int ClockPin { get; set; } = 6;

    /// <summary>Calibration factor, ADC counts per gram (measure once with a known weight).</summary>
    [Range(1e-6, 1e7)]
    public double CountsPerGram { get; set; } = 21.5;

    /// <summary>Polls in a row that find no conversion ready before the cell counts as gone. Default 20.</summary>
    [Range(1, 10_000)]
    public int MaxConsecutiveNotReady { get; set; } = 20;
}
