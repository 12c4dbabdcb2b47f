using Microsoft.AspNetCore.Http.HttpResults;
using Telehealth.Ingest.Gateways;
using Telehealth.Metadata.People;

namespace Telehealth.Ingest.Admin;

/// <summary>
/// Authenticates an operator (installer, municipality IT) by bearer token against <see cref="StaffStore"/>. No or an
/// unknown/revoked token → 401; a therapist's token → 403. Each refusal is audited and logged.
/// </summary>
public sealed class OperatorAuthenticator(StaffStore staff, SecurityEvents security)
{
    /// <summary>The operator, or the refusal to answer.</summary>
    public async Task<(StaffMember? Operator, ProblemHttpResult? Refusal)> AuthenticateAsync(HttpContext http, string action, string? patientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        var member = await staff.AuthenticateAsync(token, cancellationToken);
        if (member is null)
        {
            return (null, await security.RefuseAsync(new SecurityRefusal("unknown", null, action, patientId, 401,
                string.IsNullOrEmpty(token) ? "no-credentials" : "unknown-or-revoked-token", "an operator's bearer token is required"), cancellationToken));
        }

        if (member.Kind != StaffMember.OperatorKind)
        {
            return (null, await security.RefuseAsync(new SecurityRefusal(member.Kind, member.Id, action, patientId, 403, "not-an-operator",
                "only operators administer gateways"), cancellationToken));
        }

        return (member, null);
    }
}
