using System.Device.Gpio;
using Telehealth.Gateway.Devices.Analytics;

namespace Telehealth.Gateway.Devices.Sensors.Session;

/// <summary>
/// Feedback on GPIO outputs: the session LED is on while a session runs; the commit pin (buzzer or LED) goes high for
/// <see cref="SessionButtonOptions.CommitPulse"/> when readings were committed (timed on the <see cref="TimeProvider"/>).
/// </summary>
public sealed class GpioSessionFeedback : ISessionFeedback, IDisposable
{
    private readonly object _gate = new();
    private readonly GpioController _controller;
    private readonly SessionButtonOptions _options;
    private readonly ITimer? _pulseOff;
    private bool _disposed;

    public GpioSessionFeedback(GpioController controller, SessionButtonOptions options, TimeProvider timeProvider)
    {
        _controller = controller ?? throw new ArgumentNullException(nameof(controller));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (options.SessionLedPin is { } led)
        {
            _controller.OpenPin(led, PinMode.Output, PinValue.Low);
        }

        if (options.CommitFeedbackPin is { } commit)
        {
            _controller.OpenPin(commit, PinMode.Output, PinValue.Low);
            _pulseOff = timeProvider.CreateTimer(_ => Write(commit, PinValue.Low), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <inheritdoc />
    public void SessionStarted()
    {
        if (_options.SessionLedPin is { } led)
        {
            Write(led, PinValue.High);
        }
    }

    /// <inheritdoc />
    public void SessionEnded()
    {
        if (_options.SessionLedPin is { } led)
        {
            Write(led, PinValue.Low);
        }
    }

    /// <inheritdoc />
    public void ReadingsCommitted()
    {
        if (_options.CommitFeedbackPin is { } commit && _pulseOff is not null)
        {
            Write(commit, PinValue.High);
            _pulseOff.Change(_options.CommitPulse, Timeout.InfiniteTimeSpan);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _pulseOff?.Dispose();
        foreach (var pin in new[] { _options.SessionLedPin, _options.CommitFeedbackPin })
        {
            if (pin is { } p && _controller.IsPinOpen(p))
            {
                _controller.Write(p, PinValue.Low);
                _controller.ClosePin(p);
            }
        }
    }

    private void Write(int pin, PinValue value)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _controller.Write(pin, value);
            }
        }
    }
}
