using System.Device.Gpio;
using System.Threading.Channels;

namespace Telehealth.Gateway.Devices.Sensors.Session;

/// <summary>
/// The session push button through <see cref="GpioController"/> edge events. Edges within
/// <see cref="SessionButtonOptions.Debounce"/> of the last accepted edge (contact bounce) and edges that do not change
/// the debounced state are ignored; each accepted press (the release is only tracked) is queued with its time in
/// <see cref="Presses"/>. When an edge was ignored, the pin is read again once the debounce time is over, so a very
/// short tap whose release fell inside the window does not leave the button stuck "pressed". The GPIO callback only
/// queues, so it never blocks the driver's event thread.
/// </summary>
public sealed class SessionButton : IDisposable
{
    private readonly ITimer _settle;
    private readonly object _gate = new();
    private readonly GpioController _controller;
    private readonly SessionButtonOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Channel<DateTimeOffset> _presses = Channel.CreateUnbounded<DateTimeOffset>(new UnboundedChannelOptions { SingleReader = true });
    private long _lastAcceptedEdge;
    private bool _hasAcceptedEdge;
    private bool _pressed;
    private bool _started;

    public SessionButton(GpioController controller, SessionButtonOptions options, TimeProvider timeProvider)
    {
        _controller = controller ?? throw new ArgumentNullException(nameof(controller));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _settle = timeProvider.CreateTimer(_ => Settle(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Accepted presses, with their time.</summary>
    public ChannelReader<DateTimeOffset> Presses => _presses.Reader;

    /// <summary>Edges ignored as bounce.</summary>
    public long BouncesIgnored { get; private set; }

    /// <summary>Opens the pin and subscribes to its rising and falling edges.</summary>
    public void Start()
    {
        if (_started)
        {
            return;
        }

        _controller.OpenPin(_options.ButtonPin, _options.ActiveLow ? PinMode.InputPullUp : PinMode.InputPullDown);
        _pressed = IsPressedLevel(_controller.Read(_options.ButtonPin));
        _controller.RegisterCallbackForPinValueChangedEvent(_options.ButtonPin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
        _started = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _settle.Dispose();
        if (_started)
        {
            _started = false;
            _controller.UnregisterCallbackForPinValueChangedEvent(_options.ButtonPin, OnEdge);
            _controller.ClosePin(_options.ButtonPin);
        }

        _presses.Writer.TryComplete();
    }

    private bool IsPressedLevel(PinValue level) => (level == PinValue.Low) == _options.ActiveLow;

    private void OnEdge(object sender, PinValueChangedEventArgs args)
    {
        var pressed = (args.ChangeType == PinEventTypes.Falling) == _options.ActiveLow;
        var now = _timeProvider.GetTimestamp();
        lock (_gate)
        {
            if (_hasAcceptedEdge && _timeProvider.GetElapsedTime(_lastAcceptedEdge, now) is var sinceAccepted && sinceAccepted < _options.Debounce)
            {
                BouncesIgnored++;
                _settle.Change(_options.Debounce - sinceAccepted, Timeout.InfiniteTimeSpan);
                return;
            }
        }

        Apply(pressed);
    }

    private void Settle()
    {
        if (_started)
        {
            Apply(IsPressedLevel(_controller.Read(_options.ButtonPin)));
        }
    }

    private void Apply(bool pressed)
    {
        lock (_gate)
        {
            if (pressed == _pressed)
            {
                return;
            }

            _pressed = pressed;
            _hasAcceptedEdge = true;
            _lastAcceptedEdge = _timeProvider.GetTimestamp();
        }

        if (pressed)
        {
            _presses.Writer.TryWrite(_timeProvider.GetUtcNow());
        }
    }
}
