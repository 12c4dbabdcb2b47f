using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telehealth.Gateway.Devices.Analytics;

namespace Telehealth.Gateway.Devices.Sensors.Session;

/// <summary>
/// Turns session-button presses into session starts and stops, and checks the session timeouts every
/// <see cref="SessionButtonOptions.TimeoutCheckInterval"/> (which also retries features the buffer refused).
/// Tests call <see cref="HandlePendingAsync"/> directly.
/// </summary>
public sealed partial class SessionControlService : BackgroundService
{
    private readonly SessionButton _button;
    private readonly ExerciseSessionTracker _sessions;
    private readonly SessionButtonOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SessionControlService> _logger;

    public SessionControlService(
        SessionButton button,
        ExerciseSessionTracker sessions,
        SessionButtonOptions options,
        TimeProvider timeProvider,
        ILogger<SessionControlService> logger)
    {
        _button = button ?? throw new ArgumentNullException(nameof(button));
        _sessions = sessions ?? throw new ArgumentNullException(nameof(sessions));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Presses handled so far.</summary>
    public long PressesHandled { get; private set; }

    /// <summary>Handles every queued press (each toggles the session), then checks the timeouts.</summary>
    public async ValueTask HandlePendingAsync(CancellationToken cancellationToken)
    {
        while (_button.Presses.TryRead(out var pressedAt))
        {
            PressesHandled++;
            LogPress(pressedAt, _sessions.IsActive ? "stop" : "start");
            await _sessions.ToggleAsync(cancellationToken);
        }

        await _sessions.CheckTimeoutAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _button.Start();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var press = _button.Presses.WaitToReadAsync(tick.Token).AsTask();
                var timeout = Task.Delay(_options.TimeoutCheckInterval, _timeProvider, tick.Token);
                await Task.WhenAny(press, timeout);
                await tick.CancelAsync();
                try
                {
                    await HandlePendingAsync(stoppingToken);
                }
#pragma warning disable CA1031 // A failing buffer must not stop the host; the features stay pending and are retried.
                catch (Exception error) when (error is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogFailure(error);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Session button pressed at {PressedAt}: {Action}")]
    private partial void LogPress(DateTimeOffset pressedAt, string action);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Error, Message = "Handling the session button failed; retrying on the next tick")]
    private partial void LogFailure(Exception error);
}
