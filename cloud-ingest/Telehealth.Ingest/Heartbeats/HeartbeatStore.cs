using System.Collections.Concurrent;
using Telehealth.Ingest.Contracts.Heartbeats;

namespace Telehealth.Ingest.Heartbeats;

/// <summary>The latest heartbeat of each gateway, with when it arrived by the ingest's clock (in memory, per instance).</summary>
public sealed class HeartbeatStore
{
    private readonly ConcurrentDictionary<string, ReceivedHeartbeat> _latest = new(StringComparer.Ordinal);

    public void Record(GatewayHeartbeat heartbeat, long receivedAtMs) => _latest[heartbeat.GatewayId] = new ReceivedHeartbeat(heartbeat, receivedAtMs);

    public ReceivedHeartbeat? Latest(string gatewayId) => _latest.GetValueOrDefault(gatewayId);
}
