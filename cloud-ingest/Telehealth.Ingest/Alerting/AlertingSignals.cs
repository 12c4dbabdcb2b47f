namespace Telehealth.Ingest.Alerting;

/// <summary>Wakes the webhook dispatcher as soon as an evaluation put a notification in the outbox.</summary>
public sealed class AlertingSignals
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _outbox = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A notification was written.</summary>
    public void OutboxWritten()
    {
        lock (_gate)
        {
            _outbox.TrySetResult();
        }
    }

    /// <summary>Completes on the next <see cref="OutboxWritten"/> (or at once if one came since the last call).</summary>
    public Task WhenOutboxWrittenAsync()
    {
        lock (_gate)
        {
            if (_outbox.Task.IsCompleted)
            {
                _outbox = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return Task.CompletedTask;
            }

            return _outbox.Task;
        }
    }
}
