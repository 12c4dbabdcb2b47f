using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Telehealth.Metadata.Audit;
using Telehealth.Metadata.Database;

namespace Telehealth.Ingest.Gateways;

/// <summary>
/// Every refused call is a security event: one audit_log row (outcome denied, with the reason) and one warning
/// (EventId 4001) — ids only, never secrets or readings — then RFC 9457 problem details for the caller.
/// </summary>
public sealed partial class SecurityEvents(AuditLog audit, TimeProvider time, ILogger<SecurityEvents> logger)
{
    /// <summary>Records the refusal and returns the problem details to answer.</summary>
    public async Task<ProblemHttpResult> RefuseAsync(SecurityRefusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var actorId = Clip(refusal.ActorId);
        LogRefused(logger, refusal.Action, refusal.ActorKind, actorId, refusal.Status, refusal.Reason);
        try
        {
            await audit.WriteAsync(new AuditEntry(time.GetUtcNow(), refusal.ActorKind, actorId, refusal.Action, refusal.PatientId,
                AuditOutcome.Denied, refusal.Reason), cancellationToken);
        }
        catch (DbException ex) when (MetadataDb.IsUnavailable(ex))
        {
            LogAuditUnavailable(logger, refusal.Action, ex.Message);
        }

        return TypedResults.Problem(statusCode: refusal.Status, title: refusal.Status == 401 ? "Unauthenticated" : "Forbidden",
            detail: refusal.Detail, extensions: refusal.Extensions);
    }

    /// <summary>Audits an allowed administrative or credential action.</summary>
    public Task AllowedAsync(string actorKind, string actorId, string action, string? patientId, string? detail, CancellationToken cancellationToken)
        => audit.WriteAsync(new AuditEntry(time.GetUtcNow(), actorKind, actorId, action, patientId, AuditOutcome.Allowed, Detail: detail), cancellationToken);

    /// <summary>An id as presented by an unauthenticated caller, cut to 64 characters for the log and audit.</summary>
    private static string? Clip(string? id) => id is null ? null : id.Length > 64 ? id[..64] : id;

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning,
        Message = "Security: refused a {Action} request by {ActorKind} '{ActorId}' with {Status} ({Reason})")]
    private static partial void LogRefused(ILogger logger, string action, string actorKind, string? actorId, int status, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Security: could not audit a refused {Action}: the metadata database is unavailable ({Error})")]
    private static partial void LogAuditUnavailable(ILogger logger, string action, string error);
}
