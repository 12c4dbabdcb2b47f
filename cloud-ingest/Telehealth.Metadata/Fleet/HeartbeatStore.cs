using Dapper;
using Microsoft.Extensions.Options;
using Telehealth.Metadata.Database;

namespace Telehealth.Metadata.Fleet;

/// <summary>
/// Gateway heartbeats in the metadata store, shared by every ingest instance: the latest per gateway (a later one
/// by received time replaces it; an earlier one arriving late does not), and a history of at most one row per
/// gateway per <see cref="FleetOptions.HistoryIntervalSeconds"/>, pruned after <see cref="FleetOptions.HistoryDays"/>.
/// </summary>
public sealed class HeartbeatStore(MetadataDb db, IOptions<FleetOptions> options)
{
    private const string Insert =
        "(gateway_id, received_at, sent_at, version, buffered_readings, buffered_bytes, oldest_buffered_received_at, dead_letters, buffer_full, devices_seen_json, clock_offset_ms)";

    private const string Values =
        "@gatewayId, @receivedAt, @sentAt, @version, @bufferedReadings, @bufferedBytes, @oldest, @deadLetters, @bufferFull, @devicesSeen, @clockOffset";

    /// <summary>Stores a heartbeat as the gateway's latest and, when the last history row is old enough, in the history.</summary>
    public async Task RecordAsync(ReceivedHeartbeat received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(received);
        var parameters = new DynamicParameters(HeartbeatRow.Parameters(received));
        parameters.Add("historySince", received.ReceivedAtMs - (options.Value.HistoryIntervalSeconds * 1000L));
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO gateway_heartbeats_latest {Insert} VALUES ({Values})
            ON CONFLICT (gateway_id) DO UPDATE SET received_at = excluded.received_at, sent_at = excluded.sent_at, version = excluded.version,
                buffered_readings = excluded.buffered_readings, buffered_bytes = excluded.buffered_bytes,
                oldest_buffered_received_at = excluded.oldest_buffered_received_at, dead_letters = excluded.dead_letters,
                buffer_full = excluded.buffer_full, devices_seen_json = excluded.devices_seen_json, clock_offset_ms = excluded.clock_offset_ms
            WHERE gateway_heartbeats_latest.received_at <= excluded.received_at
            """,
            parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO gateway_heartbeats {Insert} SELECT {Values}
            WHERE NOT EXISTS (SELECT 1 FROM gateway_heartbeats WHERE gateway_id = @gatewayId AND received_at > @historySince)
            """,
            parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The gateway's latest heartbeat, or null when it never sent one.</summary>
    public async Task<ReceivedHeartbeat?> LatestAsync(string gatewayId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<HeartbeatRow>(new CommandDefinition(
            $"SELECT {HeartbeatRow.Columns} FROM gateway_heartbeats_latest WHERE gateway_id = @gatewayId",
            new { gatewayId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToReceived();
    }

    /// <summary>The gateway's heartbeat history, newest first, at most <see cref="FleetOptions.HistoryLimit"/> rows.</summary>
    public async Task<IReadOnlyList<ReceivedHeartbeat>> HistoryAsync(string gatewayId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<HeartbeatRow>(new CommandDefinition(
            $"SELECT {HeartbeatRow.Columns} FROM gateway_heartbeats WHERE gateway_id = @gatewayId ORDER BY received_at DESC, id DESC LIMIT @limit",
            new { gatewayId, limit = options.Value.HistoryLimit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToReceived()).ToList();
    }

    /// <summary>Deletes history rows received before <paramref name="beforeMs"/>; returns how many. The latest heartbeats stay.</summary>
    public async Task<int> PruneHistoryAsync(long beforeMs, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM gateway_heartbeats WHERE received_at < @beforeMs", new { beforeMs }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
