using Microsoft.AspNetCore.Http.HttpResults;
using Telehealth.Metadata.Audit;
using Telehealth.Metadata.People;

namespace Telehealth.Ingest.Fleet;

/// <summary>
/// Lets operators in: a bearer token that <see cref="StaffStore.AuthenticateAsync"/> knows as an operator. No or an
/// unknown token → 401, a therapist → 403; both are written to the audit log as denied (and logged as security events),
/// and so is every allowed access.
/// </summary>
public sealed partial class OperatorGate(StaffStore staff, AuditLog audit, TimeProvider time, ILogger<OperatorGate> logger)
{
    /// <summary>The operator, or the problem to answer with.</summary>
    public async Task<(StaffMember? Operator, ProblemHttpResult? Refusal)> AuthorizeAsync(HttpContext http, string action, string? patientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        var member = await staff.AuthenticateAsync(token, cancellationToken);
        if (member is null)
        {
            LogRefused(logger, action, "anonymous", "-");
            await WriteAsync("anonymous", null, action, patientId, AuditOutcome.Denied, "no or unknown bearer token", cancellationToken);
            return (null, TypedResults.Problem(statusCode: 401, title: "Unauthenticated", detail: "an operator's bearer token is required"));
        }

        if (member.Kind != StaffMember.OperatorKind)
        {
            LogRefused(logger, action, member.Kind, member.Id);
            await WriteAsync(member.Kind, member.Id, action, patientId, AuditOutcome.Denied, "only operators may see the fleet", cancellationToken);
            return (null, TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "only operators may see the fleet"));
        }

        await WriteAsync(member.Kind, member.Id, action, patientId, AuditOutcome.Allowed, null, cancellationToken);
        return (member, null);
    }

    private Task WriteAsync(string kind, string? id, string action, string? patientId, string outcome, string? reason, CancellationToken cancellationToken)
        => audit.WriteAsync(new AuditEntry(time.GetUtcNow(), kind, id, action, patientId, outcome, reason), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Security: refused {Action} to {ActorKind} {ActorId}")]
    private static partial void LogRefused(ILogger logger, string action, string actorKind, string actorId);
}
