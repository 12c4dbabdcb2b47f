using Dapper;
using Telehealth.Metadata.Database;

namespace Telehealth.Metadata.Alerts;

/// <summary>
/// Named leases in <c>alert_leases</c>: the scheduled evaluation pass runs on the instance holding the lease, so
/// several ingest instances do not all evaluate every patient. The lease only saves work; correctness comes from
/// the one-active-alert index (two passes at once would still not duplicate an alert).
/// </summary>
public sealed class AlertLeases(MetadataDb db, TimeProvider time)
{
    /// <summary>Takes or renews the lease when it is free, expired or already ours; true when we hold it now.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO alert_leases (name, holder, expires_at) VALUES (@name, @holder, @expires)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE alert_leases.expires_at < @now OR alert_leases.holder = excluded.holder
            """,
            new { name, holder, now, expires = now + (long)duration.TotalMilliseconds }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }
}
