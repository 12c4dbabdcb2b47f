using Telehealth.Ingest.Contracts.Heartbeats;

namespace Telehealth.Metadata.Fleet;

/// <summary>A gateway's heartbeat and when the ingest received it (Unix ms, the ingest's clock).</summary>
public sealed record ReceivedHeartbeat(GatewayHeartbeat Heartbeat, long ReceivedAtMs);
