using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Telehealth.Metadata.Audit;
using Telehealth.Metadata.People;

namespace Telehealth.Ingest.Alerting;

/// <summary>
/// Who may read patient data: a therapist (bearer token, <see cref="StaffStore.AuthenticateAsync"/>) whose care team
/// has the patient. Every decision about a patient is written to the audit log — allowed reads with the purpose
/// given (<c>X-Purpose</c> header or <c>purpose</c> query, default <c>care</c>), refusals with their reason.
/// </summary>
public sealed partial class StaffAccess(StaffStore staff, AuditLog audit, AlertingMetrics metrics, TimeProvider time, ILogger<StaffAccess> logger)
{
    public const string PurposeHeader = "X-Purpose";

    public const string DefaultPurpose = "care";

    /// <summary>
    /// Authenticates the caller as a therapist; when <paramref name="patientId"/> is given, also checks the care team.
    /// Returns the therapist and purpose, or the problem to answer (401, 403, 400) — already audited.
    /// </summary>
    public async Task<StaffDecision> AuthorizeAsync(HttpContext http, string action, string? patientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var member = await staff.AuthenticateAsync(BearerToken(http), cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            await DenyAsync("anonymous", null, action, patientId, "missing, unknown or revoked bearer token", cancellationToken).ConfigureAwait(false);
            return new StaffDecision(null, "", TypedResults.Problem(statusCode: 401, title: "Unauthenticated", detail: "a therapist's bearer token is required"));
        }

        if (member.Kind != StaffMember.TherapistKind)
        {
            await DenyAsync(member.Kind, member.Id, action, patientId, "only therapists read patient data", cancellationToken).ConfigureAwait(false);
            return new StaffDecision(null, "", TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "only therapists read patient data and alerts"));
        }

        var purpose = PurposeOf(http);
        if (purpose is null)
        {
            metrics.BadRequest();
            return new StaffDecision(null, "", TypedResults.Problem(statusCode: 400, title: "Bad purpose",
                detail: "X-Purpose (or ?purpose=) must be 1-64 characters of a-z, 0-9, '.', '_' or '-'"));
        }

        if (patientId is not null)
        {
            var problem = await CheckPatientAsync(member, patientId, action, purpose, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return new StaffDecision(null, purpose, problem);
            }
        }

        return new StaffDecision(member, purpose, null);
    }

    /// <summary>Checks that the therapist's team has the patient; audits the refusal and returns 403, or null when allowed.</summary>
    public async Task<ProblemHttpResult?> CheckPatientAsync(StaffMember member, string patientId, string action, string purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (await staff.CanSeePatientAsync(member, patientId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        await DenyAsync(member.Kind, member.Id, action, patientId, "patient not in the therapist's care team", cancellationToken, purpose).ConfigureAwait(false);
        return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "this patient is not in your care team");
    }

    /// <summary>Writes the allowed read of one patient's data.</summary>
    public Task AllowedAsync(StaffMember member, string action, string patientId, string purpose, string? detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return audit.WriteAsync(new AuditEntry(time.GetUtcNow(), member.Kind, member.Id, action, patientId, AuditOutcome.Allowed, purpose, detail), cancellationToken);
    }

    private async Task DenyAsync(string actorKind, string? actorId, string action, string? patientId, string reason, CancellationToken cancellationToken, string? purpose = null)
    {
        metrics.AccessDenied();
        LogRefused(logger, action, actorKind, actorId ?? "anonymous", reason);
        await audit.WriteAsync(new AuditEntry(time.GetUtcNow(), actorKind, actorId, action, patientId, AuditOutcome.Denied, reason,
            purpose is null ? null : "purpose=" + purpose), cancellationToken).ConfigureAwait(false);
    }

    private static string? BearerToken(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    private static string? PurposeOf(HttpContext http)
    {
        var given = http.Request.Headers[PurposeHeader].ToString();
        if (given.Length == 0)
        {
            given = http.Request.Query["purpose"].ToString();
        }

        if (given.Length == 0)
        {
            return DefaultPurpose;
        }

        return PurposePattern().IsMatch(given) ? given : null;
    }

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Security: refused {Action} to {ActorKind} {ActorId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string action, string actorKind, string actorId, string reason);

    [GeneratedRegex("^[a-z0-9._-]{1,64}$")]
    private static partial Regex PurposePattern();
}
