using Telehealth.Gateway.Devices.Sensors.LoadCell;

namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>
/// One GPIO device of the device registry, <c>Devices:Gpio:N</c>. Pins are logical (BCM) numbers. Settings a kind
/// does not use are ignored; defaults are those of the kind's options class (docs/sensors.md).
/// </summary>
public sealed class GpioDeviceEntry
{
    /// <summary>The enrolled device id (pseudonymous). A session button's id is the device id of session_duration.</summary>
    public string Id { get; set; } = "";

    /// <summary>The device. Required.</summary>
    public GpioDeviceKind? Kind { get; set; }

    /// <summary>Hx711: the pin wired to DOUT. Required for Hx711.</summary>
    public int? DataPin { get; set; }

    /// <summary>Hx711: the pin wired to PD_SCK. Required for Hx711.</summary>
    public int? ClockPin { get; set; }

    /// <summary>Hx711: calibration, ADC counts per gram. Default 21.5.</summary>
    public double? CountsPerGram { get; set; }

    /// <summary>Hx711/BalanceBoard: polls without a conversion before the cell counts as gone. Default 20.</summary>
    public int? MaxConsecutiveNotReady { get; set; }

    /// <summary>Hx711/BalanceBoard: samples per second. Default 10 (grip), 25 (board).</summary>
    public double? SampleHz { get; set; }

    /// <summary>Hx711/BalanceBoard: first wait after a bus error, seconds. Default 1.</summary>
    public double? RetryInitialSeconds { get; set; }

    /// <summary>Hx711/BalanceBoard: longest wait between retries, seconds. Default 60.</summary>
    public double? RetryMaxSeconds { get; set; }

    /// <summary>BalanceBoard: the cells (pins, calibration, position).</summary>
    public IList<BalanceCellOptions> Cells { get; } = [];

    /// <summary>SessionButton, Led, Buzzer: the pin. Required for these kinds.</summary>
    public int? Pin { get; set; }

    /// <summary>SessionButton: pressed pulls the pin low (internal pull-up). Default true.</summary>
    public bool? ActiveLow { get; set; }

    /// <summary>SessionButton: debounce, milliseconds. Default 50.</summary>
    public double? DebounceMs { get; set; }

    /// <summary>Buzzer: length of the "committed" pulse, milliseconds. Default 150.</summary>
    public double? PulseMs { get; set; }
}
