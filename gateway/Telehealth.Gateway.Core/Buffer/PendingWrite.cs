namespace Telehealth.Gateway.Core.Buffer;

/// <summary>A unit of work for the buffer's single writer; completes when the group commit holding it has committed.</summary>
internal abstract class PendingWrite
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Rows this write adds (for sizing group commits).</summary>
    public abstract int Rows { get; }

    /// <summary>Completes after commit; faults with <see cref="Readings.BufferUnavailableException"/>.</summary>
    public Task Completion => _done.Task;

    /// <summary>Runs the statements inside the open transaction.</summary>
    public abstract void Apply(BufferCommands commands);

    /// <summary>Updates in-memory counters after the commit.</summary>
    public virtual void Committed(BufferCounters counters)
    {
    }

    public void Complete() => _done.TrySetResult();

    public void Fail(Exception error) => _done.TrySetException(error);
}
