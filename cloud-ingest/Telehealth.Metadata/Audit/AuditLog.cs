using Dapper;
using Telehealth.Metadata.Database;

namespace Telehealth.Metadata.Audit;

/// <summary>Appends to and lists the audit log (reads of patient data, security events, administrative changes).</summary>
public sealed class AuditLog(MetadataDb db)
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_log (at, actor_kind, actor_id, action, patient_id, outcome, reason, detail)
            VALUES (@at, @actorKind, @actorId, @action, @patientId, @outcome, @reason, @detail)
            """,
            new
            {
                at = entry.At.ToUnixTimeMilliseconds(), actorKind = entry.ActorKind, actorId = entry.ActorId, action = entry.Action,
                patientId = entry.PatientId, outcome = entry.Outcome, reason = entry.Reason, detail = entry.Detail,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The entries about one patient, newest first (what a citizen may ask to see).</summary>
    public Task<IReadOnlyList<AuditEntry>> ForPatientAsync(string patientId, int limit, CancellationToken cancellationToken)
        => QueryAsync("WHERE patient_id = @patientId", new { patientId, limit }, cancellationToken);

    /// <summary>The entries made by one actor, newest first.</summary>
    public Task<IReadOnlyList<AuditEntry>> ByActorAsync(string actorKind, string actorId, int limit, CancellationToken cancellationToken)
        => QueryAsync("WHERE actor_kind = @actorKind AND actor_id = @actorId", new { actorKind, actorId, limit }, cancellationToken);

    /// <summary>The most recent entries of every kind, newest first.</summary>
    public Task<IReadOnlyList<AuditEntry>> RecentAsync(int limit, CancellationToken cancellationToken)
        => QueryAsync("", new { limit }, cancellationToken);

    private async Task<IReadOnlyList<AuditEntry>> QueryAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            $"SELECT at, actor_kind AS ActorKind, actor_id AS ActorId, action, patient_id AS PatientId, outcome, reason, detail FROM audit_log {where} ORDER BY id DESC LIMIT @limit",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new AuditEntry(DateTimeOffset.FromUnixTimeMilliseconds(r.At), r.ActorKind, r.ActorId, r.Action, r.PatientId, r.Outcome, r.Reason, r.Detail)).ToList();
    }

    private sealed record AuditRow(long At, string ActorKind, string? ActorId, string Action, string? PatientId, string Outcome, string? Reason, string? Detail);
}
