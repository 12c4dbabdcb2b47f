using System.Text.Json;
using Telehealth.Ingest.Contracts.Heartbeats;

namespace Telehealth.Metadata.Fleet;

/// <summary>A heartbeat as stored (both tables have these columns); maps to and from <see cref="ReceivedHeartbeat"/>.</summary>
internal sealed class HeartbeatRow
{
    /// <summary>The column list, aliased to this class's properties.</summary>
    public const string Columns =
        "gateway_id AS GatewayId, received_at AS ReceivedAt, sent_at AS SentAt, version AS Version, buffered_readings AS BufferedReadings, "
        + "buffered_bytes AS BufferedBytes, oldest_buffered_received_at AS OldestBufferedReceivedAt, dead_letters AS DeadLetters, "
        + "buffer_full AS BufferFull, devices_seen_json AS DevicesSeenJson, clock_offset_ms AS ClockOffsetMs";

    public string GatewayId { get; set; } = "";

    public long ReceivedAt { get; set; }

    public long SentAt { get; set; }

    public string Version { get; set; } = "";

    public long BufferedReadings { get; set; }

    public long BufferedBytes { get; set; }

    public long? OldestBufferedReceivedAt { get; set; }

    public long DeadLetters { get; set; }

    public long BufferFull { get; set; }

    public string DevicesSeenJson { get; set; } = "[]";

    public long? ClockOffsetMs { get; set; }

    public static object Parameters(ReceivedHeartbeat received)
    {
        var h = received.Heartbeat;
        return new
        {
            gatewayId = h.GatewayId, receivedAt = received.ReceivedAtMs, sentAt = h.SentAtMs, version = h.Version,
            bufferedReadings = h.BufferedReadings, bufferedBytes = h.BufferedBytes, oldest = h.OldestBufferedReceivedMs,
            deadLetters = h.DeadLetters, bufferFull = h.BufferFull ? 1L : 0L,
            devicesSeen = JsonSerializer.Serialize(h.DevicesSeen ?? [], FleetJsonContext.Default.IReadOnlyListString),
            clockOffset = h.ClockOffsetMs,
        };
    }

    public ReceivedHeartbeat ToReceived()
        => new(new GatewayHeartbeat(GatewayId, Version, SentAt, BufferedReadings, BufferedBytes, OldestBufferedReceivedAt, DeadLetters,
            BufferFull != 0, JsonSerializer.Deserialize(DevicesSeenJson, FleetJsonContext.Default.IReadOnlyListString) ?? [], ClockOffsetMs), ReceivedAt);
}
