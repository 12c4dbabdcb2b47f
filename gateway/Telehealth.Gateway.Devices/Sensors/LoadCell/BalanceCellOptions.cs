using System.ComponentModel.DataAnnotations;

namespace Telehealth.Gateway.Devices.Sensors.LoadCell;

/// <summary>One corner cell of a balance board: its HX711 pins, calibration and position on the board.</summary>
public sealed class BalanceCellOptions
{
    /// <summary>GPIO pin wired to this cell's HX711 DOUT.</summary>
    [Range(0, 255)]
    public int DataPin { get; set; }

    /// <summary>GPIO pin wired to this cell's HX711 PD_SCK (one per cell: the binding clocks one chip at a time).</summary>
    [Range(0, 255)]
    public int ClockPin { get; set; }

    /// <summary>Calibration factor, ADC counts per gram.</summary>
    [Range(1e-6, 1e7)]
    public double CountsPerGram { get; set; } = 21.5;

    /// <summary>Position of the cell on the board, mm (x to the right).</summary>
    [Range(-2000.0, 2000.0)]
    public double XMm { get; set; }

    /// <summary>Position of the cell on the board, mm (y forward).</summary>
    [Range(-2000.0, 2000.0)]
    public double YMm { get; set; }
}
