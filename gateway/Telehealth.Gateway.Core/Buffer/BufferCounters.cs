namespace Telehealth.Gateway.Core.Buffer;

/// <summary>In-memory counts kept in step with the buffer file (read once at open, then updated per commit).</summary>
internal sealed class BufferCounters
{
    private long _readings;
    private long _deadLetters;
    private long _appended;
    private long _forwarded;

    public long Readings => Interlocked.Read(ref _readings);

    public long DeadLetters => Interlocked.Read(ref _deadLetters);

    public long Appended => Interlocked.Read(ref _appended);

    public long Forwarded => Interlocked.Read(ref _forwarded);

    public void Reset(long readings, long deadLetters)
    {
        Interlocked.Exchange(ref _readings, readings);
        Interlocked.Exchange(ref _deadLetters, deadLetters);
    }

    public void AddReadings(long count)
    {
        Interlocked.Add(ref _readings, count);
        Interlocked.Add(ref _appended, count);
    }

    public void RemoveReadings(long count)
    {
        Interlocked.Add(ref _readings, -count);
        Interlocked.Add(ref _forwarded, count);
    }

    public void AddDeadLetters(long count) => Interlocked.Add(ref _deadLetters, count);
}
