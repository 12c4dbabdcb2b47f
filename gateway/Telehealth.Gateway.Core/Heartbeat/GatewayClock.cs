namespace Telehealth.Gateway.Core.Heartbeat;

/// <summary>The gateway's clock offset against the ingest (ingest − gateway), measured NTP-style on each heartbeat.</summary>
public sealed class GatewayClock
{
    private long _offsetMs;
    private long _roundTripMs;
    private int _measured;

    /// <summary>The last measured offset, or null before the first heartbeat answered.</summary>
    public long? OffsetMs => Volatile.Read(ref _measured) == 1 ? Interlocked.Read(ref _offsetMs) : null;

    /// <summary>The round trip of that measurement (its uncertainty is half of it).</summary>
    public long? RoundTripMs => Volatile.Read(ref _measured) == 1 ? Interlocked.Read(ref _roundTripMs) : null;

    /// <summary>
    /// Records a measurement: the request left at gateway time <paramref name="sentMs"/>, the ingest's clock read
    /// <paramref name="serverMs"/>, and the answer took <paramref name="roundTripMs"/> on the monotonic clock.
    /// </summary>
    public void Record(long sentMs, long serverMs, long roundTripMs)
    {
        Interlocked.Exchange(ref _offsetMs, serverMs - (sentMs + (roundTripMs / 2)));
        Interlocked.Exchange(ref _roundTripMs, roundTripMs);
        Volatile.Write(ref _measured, 1);
    }
}
