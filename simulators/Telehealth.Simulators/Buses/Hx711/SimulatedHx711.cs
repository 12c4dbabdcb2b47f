using System.Device.Gpio;
using Telehealth.Simulators.Buses.Gpio;

namespace Telehealth.Simulators.Buses.Hx711;

/// <summary>
/// An HX711 load-cell ADC wired to a <see cref="SimulatedGpioDriver"/>, as its datasheet describes the serial
/// interface: DOUT low means a conversion is ready; each PD_SCK rising edge shifts out the next bit of the 24-bit
/// two's-complement value, MSB first; 1, 2 or 3 further pulses select the gain/channel of the next conversion
/// (A/128, B/32, A/64) and leave DOUT high. The next conversion is ready as soon as the host polls DOUT again
/// (conversion time is not simulated). The value converts the scripted force: <c>zero + grams × CountsPerGram</c>,
/// clamped to 0x800000..0x7FFFFF as the chip saturates. <see cref="Connected"/> = false leaves DOUT floating high, so the
/// chip never reports ready, as an unplugged module with a pull-up.
/// </summary>
public sealed class SimulatedHx711 : ISimulatedPinDevice
{
    private const double StandardGravity = 9.80665;
    private readonly object _gate = new();
    private readonly TimeProvider _timeProvider;
    private IForceScript? _script;
    private long _scriptStart;
    private Random _noise = new(0);
    private int _latched;
    private int _pulses;
    private bool _clockHigh;
    private bool _readSinceLastPulse;
    private bool _connected = true;

    public SimulatedHx711(TimeProvider timeProvider, int dataPin, int clockPin, double countsPerGram = 21.5, int zeroCounts = 8_000)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        DataPin = dataPin;
        ClockPin = clockPin;
        CountsPerGram = countsPerGram;
        ZeroCounts = zeroCounts;
        OutputPins = [dataPin];
        InputPins = [clockPin];
    }

    /// <summary>DOUT pin number.</summary>
    public int DataPin { get; }

    /// <summary>PD_SCK pin number.</summary>
    public int ClockPin { get; }

    /// <summary>ADC counts per gram of load (the load cell's and the amplifier's sensitivity).</summary>
    public double CountsPerGram { get; }

    /// <summary>ADC counts with no load (bridge offset).</summary>
    public int ZeroCounts { get; }

    /// <summary>Standard deviation of the ADC noise, in counts.</summary>
    public double NoiseCounts { get; set; }

    /// <summary>The constant force when no script runs, newtons.</summary>
    public double RestNewtons { get; set; }

    /// <summary>Gain pulses (25th–27th) the host sent after the last complete read: 1 = A/128, 2 = B/32, 3 = A/64.</summary>
    public int LastGainPulses { get; private set; }

    /// <summary>Complete 24-bit conversions the host has read.</summary>
    public long ConversionsRead { get; private set; }

    /// <summary>False while the module is unplugged: DOUT stays high.</summary>
    public bool Connected
    {
        get
        {
            lock (_gate)
            {
                return _connected;
            }
        }

        set
        {
            lock (_gate)
            {
                _connected = value;
                _pulses = 0;
                _readSinceLastPulse = false;
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyCollection<int> OutputPins { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<int> InputPins { get; }

    /// <summary>Starts <paramref name="script"/> now (by the time provider).</summary>
    public void Begin(IForceScript script, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(script);
        lock (_gate)
        {
            _script = script;
            _scriptStart = _timeProvider.GetTimestamp();
#pragma warning disable CA5394 // Simulation noise, not security.
            _noise = new Random(seed);
#pragma warning restore CA5394
        }
    }

    /// <summary>The force the cell carries now, newtons.</summary>
    public double CurrentNewtons()
    {
        lock (_gate)
        {
            return _script is { } script ? script.NewtonsAt(_timeProvider.GetElapsedTime(_scriptStart)) : RestNewtons;
        }
    }

    /// <inheritdoc />
    public void OnHostWrite(int pin, PinValue value)
    {
        lock (_gate)
        {
            var high = value == PinValue.High;
            if (high && !_clockHigh && _connected)
            {
                if (_pulses == 0)
                {
                    _latched = Convert();
                }

                _pulses++;
                _readSinceLastPulse = false;
            }

            _clockHigh = high;
        }
    }

    /// <inheritdoc />
    public PinValue OnHostRead(int pin)
    {
        lock (_gate)
        {
            if (!_connected)
            {
                return PinValue.High;
            }

            if (_pulses == 0)
            {
                return PinValue.Low;
            }

            if (_pulses <= 24)
            {
                _readSinceLastPulse = true;
                var bit = (_latched >> (24 - _pulses)) & 1;
                return bit == 1 ? PinValue.High : PinValue.Low;
            }

            if (!_readSinceLastPulse)
            {
                // The read right after a gain pulse: the chip has not finished the next conversion.
                _readSinceLastPulse = true;
                return PinValue.High;
            }

            // Polled again with no clock in between: the next conversion is done.
            LastGainPulses = _pulses - 24;
            ConversionsRead++;
            _pulses = 0;
            return PinValue.Low;
        }
    }

    private int Convert()
    {
        var newtons = _script is { } script ? script.NewtonsAt(_timeProvider.GetElapsedTime(_scriptStart)) : RestNewtons;
        var grams = newtons / StandardGravity * 1000.0;
#pragma warning disable CA5394 // Simulation noise, not security.
        var noise = NoiseCounts > 0 ? NoiseCounts * Math.Sqrt(-2.0 * Math.Log(1.0 - _noise.NextDouble())) * Math.Cos(2.0 * Math.PI * _noise.NextDouble()) : 0;
#pragma warning restore CA5394
        var counts = Math.Clamp(Math.Round(ZeroCounts + (grams * CountsPerGram) + noise), -0x800000, 0x7FFFFF);
        return (int)counts & 0xFFFFFF;
    }
}
