using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Readings;
using Telehealth.Gateway.Devices.Sensors.Polling;

namespace Telehealth.Gateway.Devices.Analytics;

/// <summary>
/// The gateway's current exercise session, shared by the sensor adapters (which feed samples in from their own
/// loops) and the session button (which starts and stops it). Samples outside a session are ignored. At the end the
/// features are appended to the buffer; if the buffer refuses them they are kept and retried on the next
/// <see cref="FlushPendingAsync"/>, <see cref="CheckTimeoutAsync"/> or stop — session results are never dropped.
/// Durations, timeouts and the analytics' sample times run on the monotonic clock
/// (<see cref="TimeProvider.GetTimestamp"/>) from the session's start, so a wall-clock step during a session (a
/// Raspberry Pi without RTC syncing NTP) changes neither its duration nor its cadence.
/// </summary>
public sealed class ExerciseSessionTracker : IDisposable
{
    private readonly object _gate = new();
    private readonly EdgeAnalyticsOptions _options;
    private readonly IReadingSink _sink;
    private readonly TimeProvider _timeProvider;
    private readonly ISessionFeedback _feedback;
    private readonly ILogger<ExerciseSessionTracker> _logger;
    private readonly SemaphoreSlim _appendGate = new(1, 1);
    private readonly List<DeviceReading> _pending = [];
    private ExerciseSession? _current;
    private long _startTimestamp;
    private long _lastActivityTimestamp;

    public ExerciseSessionTracker(
        IOptions<EdgeAnalyticsOptions> options,
        IReadingSink sink,
        TimeProvider timeProvider,
        ISessionFeedback feedback,
        ILogger<ExerciseSessionTracker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = OptionsGuard.Validate(options.Value, EdgeAnalyticsOptions.SectionName);
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _feedback = feedback ?? throw new ArgumentNullException(nameof(feedback));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The options in force.</summary>
    public EdgeAnalyticsOptions Options => _options;

    /// <summary>True while a session runs.</summary>
    public bool IsActive
    {
        get
        {
            lock (_gate)
            {
                return _current is not null;
            }
        }
    }

    /// <summary>Feature readings of ended sessions the buffer has not accepted yet.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Features of the last ended session (also when they are still pending).</summary>
    public IReadOnlyList<DeviceReading> LastFeatures { get; private set; } = [];

    /// <summary>Why the last session ended.</summary>
    public SessionEndReason? LastEndReason { get; private set; }

    /// <summary>Starts a session now, unless one runs.</summary>
    public void Start()
    {
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_current is not null)
            {
                return;
            }

            _current = new ExerciseSession(now, _options);
            _startTimestamp = _timeProvider.GetTimestamp();
            _lastActivityTimestamp = _startTimestamp;
        }

        _logger.SessionStarted(now);
        _feedback.SessionStarted();
    }

    /// <summary>Ends the running session (if any) and appends its features. Returns them (empty without a session).</summary>
    public ValueTask<IReadOnlyList<DeviceReading>> StopAsync(CancellationToken cancellationToken)
        => EndAsync(SessionEndReason.Stopped, cancellationToken);

    /// <summary>Starts a session, or ends the running one: what a press of the session button does.</summary>
    public async ValueTask ToggleAsync(CancellationToken cancellationToken)
    {
        if (IsActive)
        {
            await StopAsync(cancellationToken);
        }
        else
        {
            Start();
        }
    }

    /// <summary>Ends the session when it ran too long or saw no activity for too long; retries pending features.</summary>
    public async ValueTask CheckTimeoutAsync(CancellationToken cancellationToken)
    {
        SessionEndReason? reason = null;
        lock (_gate)
        {
            if (_current is not null)
            {
                if (_timeProvider.GetElapsedTime(_startTimestamp) >= _options.MaxSessionDuration)
                {
                    reason = SessionEndReason.MaxDuration;
                }
                else if (_timeProvider.GetElapsedTime(_lastActivityTimestamp) >= _options.IdleTimeout)
                {
                    reason = SessionEndReason.Idle;
                }
            }
        }

        if (reason is { } r)
        {
            await EndAsync(r, cancellationToken);
        }
        else
        {
            await FlushPendingAsync(cancellationToken);
        }
    }

    /// <summary>Records a joint-angle sample taken now (ignored outside a session).</summary>
    public void RecordJointAngle(string deviceId, double angleDeg)
    {
        lock (_gate)
        {
            if (_current is { } session && session.AddJointAngle(deviceId, SessionClock(session), angleDeg))
            {
                _lastActivityTimestamp = _timeProvider.GetTimestamp();
            }
        }
    }

    /// <summary>Records a grip-force sample taken now (ignored outside a session).</summary>
    public void RecordGripForce(string deviceId, double newtons)
    {
        lock (_gate)
        {
            if (_current is { } session && session.AddGripForce(deviceId, SessionClock(session), newtons))
            {
                _lastActivityTimestamp = _timeProvider.GetTimestamp();
            }
        }
    }

    /// <summary>Records a centre-of-pressure sample, or null when nobody stands on the board (ignored outside a session).</summary>
    public void RecordCentreOfPressure(string deviceId, (double X, double Y)? centreMm)
    {
        lock (_gate)
        {
            _current?.AddCentreOfPressure(deviceId, centreMm);
        }
    }

    /// <summary>Appends feature readings the buffer refused before. Returns true when nothing is left pending.</summary>
    public async ValueTask<bool> FlushPendingAsync(CancellationToken cancellationToken)
    {
        await _appendGate.WaitAsync(cancellationToken);
        try
        {
            DeviceReading[] batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    return true;
                }

                batch = [.. _pending];
            }

            try
            {
                await _sink.AppendAsync(batch, cancellationToken);
            }
            catch (BufferUnavailableException error)
            {
                _logger.FeaturesRefused(batch.Length, error);
                return false;
            }

            lock (_gate)
            {
                _pending.RemoveRange(0, batch.Length);
            }

            _feedback.ReadingsCommitted();
            return true;
        }
        finally
        {
            _appendGate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _appendGate.Dispose();

    /// <summary>The session's start plus the monotonic time since: the time line of the session's analytics.</summary>
    private DateTimeOffset SessionClock(ExerciseSession session) => session.StartedAt + _timeProvider.GetElapsedTime(_startTimestamp);

    private async ValueTask<IReadOnlyList<DeviceReading>> EndAsync(SessionEndReason reason, CancellationToken cancellationToken)
    {
        IReadOnlyList<DeviceReading> features;
        TimeSpan duration;
        lock (_gate)
        {
            if (_current is not { } session)
            {
                return [];
            }

            _current = null;
            var endedAt = SessionClock(session);
            features = session.Finish(endedAt, _timeProvider.GetUtcNow());
            duration = endedAt - session.StartedAt;
            _pending.AddRange(features);
            LastFeatures = features;
            LastEndReason = reason;
        }

        _logger.SessionEnded(reason, duration, features.Count);
        _feedback.SessionEnded();
        await FlushPendingAsync(cancellationToken);
        return features;
    }
}
