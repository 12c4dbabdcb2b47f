namespace Telehealth.Ingest.Contracts.Heartbeats;

/// <summary>A gateway's periodic health report, POSTed to <c>/api/v1/heartbeats</c>. No readings' values, no personal data.</summary>
/// <param name="GatewayId">The reporting gateway.</param>
/// <param name="Version">The gateway software version.</param>
/// <param name="SentAtMs">The gateway's clock when sent (Unix ms).</param>
/// <param name="BufferedReadings">Readings waiting in the buffer.</param>
/// <param name="BufferedBytes">Size of the buffer files.</param>
/// <param name="OldestBufferedReceivedMs">Receive time of the oldest waiting reading, or null.</param>
/// <param name="DeadLetters">Dead letters kept on the gateway.</param>
/// <param name="BufferFull">True while the buffer refuses readings for lack of space.</param>
/// <param name="DevicesSeen">Device ids that sent something since the gateway started.</param>
/// <param name="ClockOffsetMs">Ingest clock minus gateway clock, from the previous heartbeat's round trip; null until measured.</param>
public sealed record GatewayHeartbeat(
    string GatewayId,
    string Version,
    long SentAtMs,
    long BufferedReadings,
    long BufferedBytes,
    long? OldestBufferedReceivedMs,
    long DeadLetters,
    bool BufferFull,
    IReadOnlyList<string> DevicesSeen,
    long? ClockOffsetMs);
