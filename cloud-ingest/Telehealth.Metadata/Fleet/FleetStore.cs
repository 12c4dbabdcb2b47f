using Dapper;
using Telehealth.Metadata.Database;

namespace Telehealth.Metadata.Fleet;

/// <summary>Every gateway of the <c>gateways</c> table with its latest heartbeat, judged by <see cref="GatewayHealthClassifier"/>.</summary>
public sealed class FleetStore(MetadataDb db, GatewayHealthClassifier classifier)
{
    private const string Select =
        """
        SELECT g.id AS Id, g.patient_id AS PatientId, g.created_at AS CreatedAt, g.enrolled_at AS EnrolledAt, g.revoked_at AS RevokedAt,
               h.received_at AS HeartbeatReceivedAt, h.gateway_id AS GatewayId, h.received_at AS ReceivedAt, h.sent_at AS SentAt, h.version AS Version,
               h.buffered_readings AS BufferedReadings, h.buffered_bytes AS BufferedBytes, h.oldest_buffered_received_at AS OldestBufferedReceivedAt,
               h.dead_letters AS DeadLetters, h.buffer_full AS BufferFull, h.devices_seen_json AS DevicesSeenJson, h.clock_offset_ms AS ClockOffsetMs
        FROM gateways g LEFT JOIN gateway_heartbeats_latest h ON h.gateway_id = g.id
        """;

    /// <summary>All gateways ordered by id, optionally only those in <paramref name="state"/> (a <see cref="GatewayState"/> value).</summary>
    public async Task<IReadOnlyList<GatewayHealth>> ListAsync(string? state, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<FleetRow>(new CommandDefinition($"{Select} ORDER BY g.id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(Classify).Where(g => state is null || g.State == state).ToList();
    }

    /// <summary>One gateway, or null when the <c>gateways</c> table has no such id.</summary>
    public async Task<GatewayHealth?> GetAsync(string gatewayId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<FleetRow>(new CommandDefinition(
            $"{Select} WHERE g.id = @gatewayId", new { gatewayId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : Classify(row);
    }

    private GatewayHealth Classify(FleetRow row)
        => classifier.Classify(new GatewayRecord(row.Id, row.PatientId, row.CreatedAt, row.EnrolledAt, row.RevokedAt),
            row.HeartbeatReceivedAt is null ? null : row.Heartbeat());

    private sealed class FleetRow
    {
        public string Id { get; set; } = "";

        public string PatientId { get; set; } = "";

        public long CreatedAt { get; set; }

        public long? EnrolledAt { get; set; }

        public long? RevokedAt { get; set; }

        public long? HeartbeatReceivedAt { get; set; }

        public string? GatewayId { get; set; }

        public long? ReceivedAt { get; set; }

        public long? SentAt { get; set; }

        public string? Version { get; set; }

        public long? BufferedReadings { get; set; }

        public long? BufferedBytes { get; set; }

        public long? OldestBufferedReceivedAt { get; set; }

        public long? DeadLetters { get; set; }

        public long? BufferFull { get; set; }

        public string? DevicesSeenJson { get; set; }

        public long? ClockOffsetMs { get; set; }

        public ReceivedHeartbeat Heartbeat() => new HeartbeatRow
        {
            GatewayId = GatewayId ?? Id, ReceivedAt = ReceivedAt ?? 0, SentAt = SentAt ?? 0, Version = Version ?? "",
            BufferedReadings = BufferedReadings ?? 0, BufferedBytes = BufferedBytes ?? 0, OldestBufferedReceivedAt = OldestBufferedReceivedAt,
            DeadLetters = DeadLetters ?? 0, BufferFull = BufferFull ?? 0, DevicesSeenJson = DevicesSeenJson ?? "[]", ClockOffsetMs = ClockOffsetMs,
        }.ToReceived();
    }
}
