using System.ComponentModel.DataAnnotations;
using Telehealth.Gateway.Devices.Sensors.Polling;

namespace Telehealth.Gateway.Devices.Sensors.LoadCell;

/// <summary>A balance board: several load cells at known positions (usually four corners).</summary>
public sealed class BalanceBoardOptions : PolledSensorOptions
{
    /// <summary>Configuration section of a single balance board.</summary>
    public const string SectionName = "Sensors:BalanceBoard";

    public BalanceBoardOptions()
    {
        SamplePeriod = TimeSpan.FromMilliseconds(40);
    }

    /// <summary>The cells; at least three not on one line give a two-dimensional centre of pressure.</summary>
    [Required]
    [MinLength(1)]
    public IList<BalanceCellOptions> Cells { get; init; } = [];

    /// <summary>Polls in a row on which some cell has no conversion ready before the board counts as gone. Default 20.</summary>
    [Range(1, 10_000)]
    public int MaxConsecutiveNotReady { get; set; } = 20;
}
