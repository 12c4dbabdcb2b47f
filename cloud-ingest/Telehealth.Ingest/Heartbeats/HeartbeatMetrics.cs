using System.Diagnostics.Metrics;

namespace Telehealth.Ingest.Heartbeats;

/// <summary>Counts heartbeats by outcome (<c>stored</c>, <c>rejected</c>, <c>unauthenticated</c>, <c>forbidden</c>, <c>unavailable</c>).</summary>
public sealed class HeartbeatMetrics
{
    public const string MeterName = "Telehealth.Ingest.Heartbeats";

    private readonly Counter<long> _heartbeats;

    public HeartbeatMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _heartbeats = meters.Create(MeterName).CreateCounter<long>("telehealth.ingest.heartbeats", "{heartbeat}", "Heartbeats received, by outcome");
    }

    public void Count(string outcome) => _heartbeats.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
