namespace Telehealth.Ingest.Contracts.Heartbeats;

/// <summary>The ingest's answer to a heartbeat: its own clock, so the gateway can measure its offset.</summary>
public sealed record HeartbeatAck(long ServerTimeMs);
