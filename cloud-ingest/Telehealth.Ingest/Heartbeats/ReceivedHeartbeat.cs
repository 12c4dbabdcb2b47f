using Telehealth.Ingest.Contracts.Heartbeats;

namespace Telehealth.Ingest.Heartbeats;

/// <summary>A heartbeat and when the ingest received it.</summary>
public sealed record ReceivedHeartbeat(GatewayHeartbeat Heartbeat, long ReceivedAtMs);
