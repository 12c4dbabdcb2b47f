namespace Telehealth.Gateway.Core.Buffer;

/// <summary>Keeps refused input with its reason.</summary>
internal sealed class AppendDeadLetters(IReadOnlyList<DeadLetter> letters) : PendingWrite
{
    public override int Rows => letters.Count;

    public override void Apply(BufferCommands commands)
    {
        foreach (var letter in letters)
        {
            commands.InsertDeadLetter(letter);
        }
    }

    public override void Committed(BufferCounters counters) => counters.AddDeadLetters(letters.Count);
}
