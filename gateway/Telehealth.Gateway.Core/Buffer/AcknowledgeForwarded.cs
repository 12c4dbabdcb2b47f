namespace Telehealth.Gateway.Core.Buffer;

/// <summary>
/// After the destination answered 2xx: deletes the lane's rows it now holds (moving the lane's checkpoint for a batch
/// from the head of the lane), and dead-letters the readings it rejected — all in one transaction, so a crash leaves
/// either the old or the new state.
/// </summary>
internal sealed class AcknowledgeForwarded(ForwardedRange range, IReadOnlyList<DeadLetter> rejected) : PendingWrite
{
    private int _deleted;

    public override int Rows => 1 + rejected.Count;

    public override void Apply(BufferCommands commands)
    {
        foreach (var letter in rejected)
        {
            commands.InsertDeadLetter(letter);
        }

        _deleted = commands.Acknowledge(range.Checkpoint, range.Priority, range.AfterOffset, range.LastOffset);
    }

    public override void Committed(BufferCounters counters)
    {
        counters.RemoveReadings(_deleted);
        counters.AddDeadLetters(rejected.Count);
    }
}
