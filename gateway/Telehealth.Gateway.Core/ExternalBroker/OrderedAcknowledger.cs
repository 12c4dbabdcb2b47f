using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Telehealth.Gateway.Core.Readings;

namespace Telehealth.Gateway.Core.ExternalBroker;

/// <summary>
/// Acknowledges the messages of one broker connection in the order they arrived (MQTT 4.6), each only after its commit.
/// Commits start as messages arrive, so the buffer group-commits everything in flight; a commit the buffer refuses (full
/// or failing) is retried after a pause and holds back every later acknowledgement — the broker stops sending once
/// Receive Maximum messages are unacknowledged and keeps the rest. While a retry is pending, new messages are committed
/// one after another by the loop, in arrival order. Nothing is acknowledged that is not on disk.
/// </summary>
public sealed partial class OrderedAcknowledger : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly CancellationTokenSource _stop;
    private readonly TimeSpan _retryPause;
    private readonly TimeProvider _time;
    private readonly ExternalBrokerCounters _counters;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private volatile bool _holding;

    public OrderedAcknowledger(TimeSpan retryPause, TimeProvider time, ExternalBrokerCounters counters, ILogger logger, CancellationToken connectionToken)
    {
        _retryPause = retryPause;
        _time = time;
        _counters = counters;
        _logger = logger;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(connectionToken);
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Messages waiting for their commit or acknowledgement.</summary>
    public int Waiting => _queue.Reader.Count;

    /// <summary>Takes a delivered message; its commit starts now unless an earlier one is being retried.</summary>
    public void Enqueue(InFlightMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Task? started = null;
        if (!_holding && message.Commit is { } commit && !_stop.IsCancellationRequested)
        {
            started = StartCommit(commit, _stop.Token);
        }

        if (!_queue.Writer.TryWrite(new Pending(message, started)))
        {
            started?.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default); // connection gone: the broker redelivers
        }
    }

    /// <summary>Stops: whatever is not acknowledged yet is redelivered by the broker on the next connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        while (_queue.Reader.TryRead(out var left))
        {
            if (left.Started is { } task)
            {
                _ = task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            }
        }

        _stop.Dispose();
    }

    private static Task StartCommit(Func<CancellationToken, ValueTask> commit, CancellationToken cancellationToken)
    {
        try
        {
            return commit(cancellationToken).AsTask();
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var pending in _queue.Reader.ReadAllAsync(cancellationToken))
        {
            if (pending.Message.Commit is { } commit)
            {
                await CommitAsync(commit, pending.Started, cancellationToken);
            }

            pending.Message.Committed();
            try
            {
                await pending.Message.Acknowledge(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogAcknowledgeFailed(_logger, ex);
            }
        }
    }

    private async Task CommitAsync(Func<CancellationToken, ValueTask> commit, Task? started, CancellationToken cancellationToken)
    {
        var attempt = started ?? StartCommit(commit, cancellationToken);
        if (started is not null)
        {
            try
            {
                await started;
                attempt = started;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // started on arrival and refused then (e.g. while the buffer was full): the situation may have changed
                // since, so try once more at once; only a refusal now holds the acknowledgements back
                attempt = StartCommit(commit, cancellationToken);
            }
        }

        while (true)
        {
            try
            {
                await attempt;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _holding = true;
                _counters.CommitRetried();
                if (ex is BufferUnavailableException { QuotaExceeded: true })
                {
                    LogBufferFull(_logger, _retryPause.TotalSeconds);
                }
                else
                {
                    LogCommitFailed(_logger, ex, _retryPause.TotalSeconds);
                }

                await Task.Delay(_retryPause, _time, cancellationToken);
                attempt = StartCommit(commit, cancellationToken);
                continue;
            }

            if (_holding && _queue.Reader.Count == 0)
            {
                _holding = false; // caught up: new messages start their commits on arrival again
            }

            return;
        }
    }

    private sealed record Pending(InFlightMessage Message, Task? Started);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Buffer full: not acknowledging to the external broker (it keeps the messages); retrying in {Seconds} s")]
    private static partial void LogBufferFull(ILogger logger, double seconds);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error,
        Message = "Commit failed: not acknowledging to the external broker; retrying in {Seconds} s")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information,
        Message = "Could not acknowledge a committed message: the connection is gone; the broker redelivers it and the replay is idempotent")]
    private static partial void LogAcknowledgeFailed(ILogger logger, Exception exception);
}
