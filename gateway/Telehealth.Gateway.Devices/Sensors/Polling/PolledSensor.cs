using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telehealth.Gateway.Core.Readings;

namespace Telehealth.Gateway.Devices.Sensors.Polling;

/// <summary>
/// The loop every I2C/GPIO sensor adapter runs: open the device (lazily, and again after a failure), read one sample
/// per <see cref="PolledSensorOptions.SamplePeriod"/> on a <see cref="TimeProvider"/>-driven fixed-rate schedule, hand
/// readings to the <see cref="IReadingSink"/>. A bus error (an <see cref="IOException"/>: the device vanished, a
/// wrong identity, implausible data) is logged, counted in <see cref="Health"/>, the device is closed when
/// <see cref="ReopenAfterBusError"/> says so, and the next attempt waits an exponential backoff. Nothing a device does
/// stops the host. Tests drive <see cref="PollOnceAsync"/> directly with a fake clock.
/// </summary>
public abstract class PolledSensor : BackgroundService
{
    private readonly PolledSensorOptions _options;
    private bool _open;
    private bool _lastPollFailed;

    protected PolledSensor(PolledSensorOptions options, IReadingSink sink, TimeProvider timeProvider, ILogger logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        Sink = sink ?? throw new ArgumentNullException(nameof(sink));
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        Logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The enrolled device id.</summary>
    public string DeviceId => _options.DeviceId;

    /// <summary>Counters for health reporting.</summary>
    public SensorHealth Health { get; } = new();

    /// <summary>True while the device is open (initialised).</summary>
    public bool IsOpen => _open;

    protected IReadingSink Sink { get; }

    protected TimeProvider TimeProvider { get; }

    protected ILogger Logger { get; }

    /// <summary>
    /// Whether a bus error closes the device so that the next attempt initialises it again (default). A chip that
    /// lost power comes back in its reset state and must be configured again; a bit-banged chip with no state may
    /// keep its binding instead.
    /// </summary>
    protected virtual bool ReopenAfterBusError => true;

    /// <summary>
    /// One iteration: opens the device if needed, reads one sample and hands it on. Returns how long to wait before
    /// the next iteration: the sample period after success, a backoff after a failure. Never throws, except
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async ValueTask<TimeSpan> PollOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!_open)
            {
                var description = Open();
                _open = true;
                Health.RecordOpen();
                Logger.Opened(DeviceId, description);
            }

            var errorsBefore = Health.ConsecutiveErrors;
            if (await SampleAsync(cancellationToken))
            {
                Health.RecordSample();
                if (errorsBefore > 0)
                {
                    Logger.Recovered(DeviceId, errorsBefore);
                }
            }

            _lastPollFailed = false;
            return _options.SamplePeriod;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (IOException error)
        {
            return OnBusError(error);
        }
        catch (TimeoutException error)
        {
            return OnBusError(error);
        }
        catch (UnauthorizedAccessException error)
        {
            // /dev/i2c-N or /dev/gpiochipN not accessible: configuration, but retrying costs nothing.
            return OnBusError(error);
        }
#pragma warning disable CA1031 // The host must survive any fault in a device adapter: log, count, back off, retry.
        catch (Exception error)
#pragma warning restore CA1031
        {
            _lastPollFailed = true;
            var delay = Backoff(Health.RecordBusError(error));
            CloseQuietly();
            Logger.UnexpectedError(DeviceId, delay, error);
            return delay;
        }
    }

    /// <summary>Appends readings; a refusal of the buffer is logged and counted, never thrown.</summary>
    /// <returns>True when the readings were committed.</returns>
    protected async ValueTask<bool> TryAppendAsync(IReadOnlyList<DeviceReading> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return true;
        }

        try
        {
            await Sink.AppendAsync(readings, cancellationToken);
            return true;
        }
        catch (BufferUnavailableException error)
        {
            Health.RecordSinkError();
            Logger.SinkRefused(DeviceId, readings.Count, error);
            return false;
        }
    }

    /// <summary>Opens and initialises the device. Returns a short description for the log.</summary>
    protected abstract string Open();

    /// <summary>Reads one sample and hands it on. Returns false when no sample was ready (not an error).</summary>
    protected abstract ValueTask<bool> SampleAsync(CancellationToken cancellationToken);

    /// <summary>Releases the device (its binding and bus handle).</summary>
    protected abstract void Close();

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var due = TimeProvider.GetTimestamp();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = await PollOnceAsync(stoppingToken);
                var now = TimeProvider.GetTimestamp();
                if (!_lastPollFailed)
                {
                    // Fixed rate: the next sample is due one period after the previous one was due, unless we fell behind.
                    due += (long)(wait.TotalSeconds * TimeProvider.TimestampFrequency);
                    if (due < now)
                    {
                        due = now;
                    }
                }
                else
                {
                    due = now + (long)(wait.TotalSeconds * TimeProvider.TimestampFrequency);
                }

                var delay = TimeSpan.FromSeconds((double)(due - now) / TimeProvider.TimestampFrequency);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, TimeProvider, stoppingToken);
                }
                else
                {
                    await Task.Yield();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
        finally
        {
            CloseQuietly();
        }
    }

    /// <summary>Closes the device, counting nothing: the device may already be gone.</summary>
    protected void CloseQuietly()
    {
        if (!_open)
        {
            return;
        }

        _open = false;
        try
        {
            Close();
        }
        catch (IOException error)
        {
            Logger.CloseFailed(DeviceId, error);
        }
        catch (InvalidOperationException error)
        {
            Logger.CloseFailed(DeviceId, error);
        }
    }

    private TimeSpan OnBusError(Exception error)
    {
        _lastPollFailed = true;
        var consecutive = Health.RecordBusError(error);
        var delay = Backoff(consecutive);
        if (ReopenAfterBusError)
        {
            CloseQuietly();
        }

        Logger.BusError(DeviceId, consecutive, delay, error);
        return delay;
    }

    private TimeSpan Backoff(int consecutiveErrors)
    {
        var factor = Math.Pow(2, Math.Min(consecutiveErrors - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.RetryInitialDelay.Ticks * factor, _options.RetryMaxDelay.Ticks));
        return delay < _options.RetryInitialDelay ? _options.RetryInitialDelay : delay;
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        CloseQuietly();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}
