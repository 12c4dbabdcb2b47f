using System.Device.Gpio;
using Iot.Device.Hx711;

namespace Telehealth.Gateway.Devices.Sensors.LoadCell;

/// <summary>
/// One load cell behind an HX711 (channel A, gain 128) through the Iot.Device.Bindings <see cref="Hx711"/> binding.
/// The binding waits for DOUT low with no timeout, so this channel probes DOUT first and never calls it while the
/// chip is not ready: an unplugged module (DOUT pulled high) then shows as "not ready" instead of hanging the
/// adapter. The zero offset is taken when the channel opens: the cell must be unloaded then.
/// </summary>
public sealed class LoadCellChannel : IDisposable
{
    private const double StandardGravity = 9.80665;
    private readonly GpioController _controller;
    private Hx711? _hx711;

    public LoadCellChannel(GpioController controller, int dataPin, int clockPin, double countsPerGram)
    {
        _controller = controller ?? throw new ArgumentNullException(nameof(controller));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(countsPerGram);
        DataPin = dataPin;
        ClockPin = clockPin;
        CountsPerGram = countsPerGram;
    }

    public int DataPin { get; }

    public int ClockPin { get; }

    /// <summary>Calibration factor: ADC counts per gram (the binding's conversion ratio).</summary>
    public double CountsPerGram { get; }

    /// <summary>True once opened.</summary>
    public bool IsOpen => _hx711 is not null;

    /// <summary>Opens the pins, checks the chip is there, takes the zero offset and sets the calibration.</summary>
    /// <exception cref="IOException">The HX711 does not signal ready (unplugged or unpowered).</exception>
    public void Open()
    {
        if (_hx711 is not null)
        {
            return;
        }

        var hx711 = new Hx711(DataPin, ClockPin, new Hx711Options(Hx711Mode.ChannelAGain128, false), _controller, shouldDispose: false);
        try
        {
            if (!ReadyNow())
            {
                throw new IOException($"The HX711 on DOUT pin {DataPin} / PD_SCK pin {ClockPin} is not ready (DOUT high): unplugged or unpowered?");
            }

            hx711.PowerUp();
            hx711.SetConversionRatio(CountsPerGram);
        }
        catch
        {
            hx711.Dispose();
            throw;
        }

        _hx711 = hx711;
    }

    /// <summary>Reads one conversion in newtons, or null when none is ready yet.</summary>
    public double? TryReadNewtons()
    {
        var hx711 = _hx711 ?? throw new InvalidOperationException("The load cell is not open.");
        if (!ReadyNow())
        {
            return null;
        }

        return hx711.GetWeight(numberOfReads: 1).Kilograms * StandardGravity;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var hx711 = _hx711;
        _hx711 = null;
        hx711?.Dispose();
    }

    private bool ReadyNow() => _controller.Read(DataPin) == PinValue.Low;
}
