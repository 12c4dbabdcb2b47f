using System.Device.Gpio;

namespace Telehealth.Simulators.Buses.Gpio;

/// <summary>
/// A GPIO controller driver with no hardware behind it, for <c>new GpioController(driver)</c>. Inputs are set by the
/// test (<see cref="SetInput"/>, raising the registered rising/falling callbacks as a kernel edge would), outputs are
/// recorded with their time (<see cref="Writes"/>), and bit-banged chips such as the HX711 are attached with
/// <see cref="Attach"/> so the real binding talks to them pin by pin.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly object _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _levels = [];
    private readonly Dictionary<int, ISimulatedPinDevice> _chipOutputs = [];
    private readonly Dictionary<int, ISimulatedPinDevice> _chipInputs = [];
    private readonly List<(int Pin, PinEventTypes Types, PinChangeEventHandler Handler)> _callbacks = [];
    private readonly List<PinWrite> _writes = [];

    public SimulatedGpioDriver(TimeProvider timeProvider, int pinCount = 54)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        PinCountValue = pinCount;
    }

    /// <summary>Writes to output pins that no attached chip listens to (LEDs, buzzers), in order.</summary>
    public IReadOnlyList<PinWrite> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    /// <summary>Pins currently open.</summary>
    public IReadOnlyCollection<int> OpenPins
    {
        get
        {
            lock (_gate)
            {
                return [.. _modes.Keys];
            }
        }
    }

    /// <inheritdoc />
    protected override int PinCount => PinCountValue;

    private int PinCountValue { get; }

    /// <summary>Wires a simulated chip to its pins.</summary>
    public void Attach(ISimulatedPinDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        lock (_gate)
        {
            foreach (var pin in device.OutputPins)
            {
                _chipOutputs[pin] = device;
            }

            foreach (var pin in device.InputPins)
            {
                _chipInputs[pin] = device;
            }
        }
    }

    /// <summary>The level an output pin was last driven to (Low if never written).</summary>
    public PinValue OutputLevel(int pin)
    {
        lock (_gate)
        {
            return _levels.TryGetValue(pin, out var level) ? level : PinValue.Low;
        }
    }

    /// <summary>
    /// Drives an input pin from outside (a button, a switch). A change of level raises the callbacks registered for
    /// that edge, synchronously on the caller's thread, as the kernel's event thread would.
    /// </summary>
    public void SetInput(int pin, PinValue value)
    {
        List<PinChangeEventHandler> toRaise = [];
        PinEventTypes edge;
        lock (_gate)
        {
            var previous = _levels.TryGetValue(pin, out var level) ? level : DefaultLevel(pin);
            _levels[pin] = value;
            if (previous == value)
            {
                return;
            }

            edge = value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            foreach (var (callbackPin, types, handler) in _callbacks)
            {
                if (callbackPin == pin && (types & edge) != 0)
                {
                    toRaise.Add(handler);
                }
            }
        }

        foreach (var handler in toRaise)
        {
            handler(this, new PinValueChangedEventArgs(edge, pin));
        }
    }

    /// <inheritdoc />
    protected override void OpenPin(int pinNumber)
    {
        lock (_gate)
        {
            _modes[pinNumber] = PinMode.Input;
        }
    }

    /// <inheritdoc />
    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            _modes.Remove(pinNumber);
            _callbacks.RemoveAll(c => c.Pin == pinNumber);
        }
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_gate)
        {
            _modes[pinNumber] = mode;
            if (!_levels.ContainsKey(pinNumber) && !_chipOutputs.ContainsKey(pinNumber))
            {
                _levels[pinNumber] = mode == PinMode.InputPullUp ? PinValue.High : PinValue.Low;
            }
        }
    }

    /// <inheritdoc />
    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate)
        {
            return _modes.TryGetValue(pinNumber, out var mode) ? mode : PinMode.Input;
        }
    }

    /// <inheritdoc />
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    /// <inheritdoc />
    protected override PinValue Read(int pinNumber)
    {
        ISimulatedPinDevice? chip;
        lock (_gate)
        {
            if (!_chipOutputs.TryGetValue(pinNumber, out chip))
            {
                return _levels.TryGetValue(pinNumber, out var level) ? level : DefaultLevel(pinNumber);
            }
        }

        return chip.OnHostRead(pinNumber);
    }

    /// <inheritdoc />
    protected override void Write(int pinNumber, PinValue value)
    {
        ISimulatedPinDevice? chip;
        lock (_gate)
        {
            _levels[pinNumber] = value;
            if (!_chipInputs.TryGetValue(pinNumber, out chip))
            {
                _writes.Add(new PinWrite(pinNumber, value, _timeProvider.GetUtcNow()));
                return;
            }
        }

        chip.OnHostWrite(pinNumber, value);
    }

    /// <inheritdoc />
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        var fired = new TaskCompletionSource<PinEventTypes>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(object sender, PinValueChangedEventArgs args) => fired.TrySetResult(args.ChangeType);
        AddCallbackForPinValueChangedEvent(pinNumber, eventTypes, Handler);
        try
        {
            fired.Task.Wait(cancellationToken);
            return new WaitForEventResult { EventTypes = fired.Task.Result, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally
        {
            RemoveCallbackForPinValueChangedEvent(pinNumber, Handler);
        }
    }

    /// <inheritdoc />
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            _callbacks.Add((pinNumber, eventTypes, callback));
        }
    }

    /// <inheritdoc />
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            _callbacks.RemoveAll(c => c.Pin == pinNumber && c.Handler == callback);
        }
    }

    private PinValue DefaultLevel(int pin)
        => _modes.TryGetValue(pin, out var mode) && mode == PinMode.InputPullUp ? PinValue.High : PinValue.Low;
}
