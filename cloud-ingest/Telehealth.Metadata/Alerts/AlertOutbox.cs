using Dapper;
using Telehealth.Metadata.Database;

namespace Telehealth.Metadata.Alerts;

/// <summary>
/// The webhook outbox: notifications written with the alert they announce (same transaction), so they survive a
/// restart and are delivered at least once. A dispatcher claims due rows for a while (so two instances do not post
/// the same one at once), then marks each delivered or failed with the time of its next attempt. The notifications of
/// one alert go out in the order they were written: a later one (acknowledged, resolved) is not due while an earlier
/// one of the same alert is undelivered.
/// </summary>
public sealed class AlertOutbox(MetadataDb db, TimeProvider time)
{
    /// <summary>Claims up to <paramref name="max"/> due, undelivered notifications for <paramref name="claimFor"/>.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(int max, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var candidates = await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            """
            SELECT id AS Id, alert_id AS AlertId, event AS Event, idempotency_key AS IdempotencyKey, payload_json AS PayloadJson, attempts AS Attempts
            FROM alert_outbox o
            WHERE delivered_at IS NULL AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until < @now)
              AND NOT EXISTS (SELECT 1 FROM alert_outbox earlier
                              WHERE earlier.delivered_at IS NULL AND earlier.alert_id = o.alert_id AND earlier.id < o.id)
            ORDER BY id LIMIT @max
            """,
            new { now, max }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var claimed = new List<OutboxMessage>();
        foreach (var row in candidates)
        {
            var won = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE alert_outbox SET claimed_until = @until WHERE id = @id AND delivered_at IS NULL AND (claimed_until IS NULL OR claimed_until < @now)",
                new { id = row.Id, now, until = now + (long)claimFor.TotalMilliseconds }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (won > 0)
            {
                claimed.Add(new OutboxMessage(row.Id, row.AlertId, row.Event, row.IdempotencyKey, row.PayloadJson, (int)row.Attempts));
            }
        }

        return claimed;
    }

    /// <summary>Marks a notification delivered.</summary>
    public async Task MarkDeliveredAsync(long id, int attempts, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE alert_outbox SET delivered_at = @now, attempts = attempts + @attempts, claimed_until = NULL, last_error = NULL WHERE id = @id",
            new { id, attempts, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Records a failed delivery (after the HTTP client's own retries) and when to try again.</summary>
    public async Task MarkFailedAsync(long id, int attempts, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE alert_outbox SET attempts = attempts + @attempts, last_error = @error, next_attempt_at = @next, claimed_until = NULL WHERE id = @id",
            new { id, attempts, error = error.Length > 500 ? error[..500] : error, next = nextAttemptAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The delivery state of the notifications about one alert.</summary>
    public async Task<IReadOnlyList<OutboxState>> ForAlertAsync(string alertId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<OutboxStateRow>(new CommandDefinition(
            "SELECT idempotency_key AS IdempotencyKey, attempts AS Attempts, delivered_at AS DeliveredAt, last_error AS LastError FROM alert_outbox WHERE alert_id = @alertId ORDER BY id",
            new { alertId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new OutboxState(r.IdempotencyKey, (int)r.Attempts, r.DeliveredAt is { } d ? DateTimeOffset.FromUnixTimeMilliseconds(d) : null, r.LastError)).ToList();
    }

    private sealed class OutboxRow
    {
        public long Id { get; set; }

        public string AlertId { get; set; } = "";

        public string Event { get; set; } = "";

        public string IdempotencyKey { get; set; } = "";

        public string PayloadJson { get; set; } = "";

        public long Attempts { get; set; }
    }

    private sealed class OutboxStateRow
    {
        public string IdempotencyKey { get; set; } = "";

        public long Attempts { get; set; }

        public long? DeliveredAt { get; set; }

        public string? LastError { get; set; }
    }
}
