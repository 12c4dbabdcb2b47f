using Microsoft.AspNetCore.Http.HttpResults;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Enrolment;
using Telehealth.Metadata.Gateways;

namespace Telehealth.Ingest.Gateways;

/// <summary>
/// <c>POST /api/v1/gateways/{id}/secret</c>: a gateway, authenticated with its current secret, asks for a new one. The
/// new secret is pending until its first use; until then the old one keeps working, so a lost answer locks nobody out.
/// </summary>
public static class GatewaySecretApi
{
    public const string Action = "gateways.secret.rotate";

    public static IEndpointRouteBuilder MapGatewaySecrets(this IEndpointRouteBuilder app)
    {
        app.MapPost(IngestRoutes.GatewaySecretTemplate, RotateAsync)
            .RequireRateLimiting(Intake.GatewayRateLimiting.PolicyName)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Rotate the calling gateway's secret (the old one works until the new one is first used)");
        return app;
    }

    private static async Task<Results<Ok<GatewaySecretIssued>, ProblemHttpResult>> RotateAsync(
        string id, HttpContext http, GatewayAuthenticator authenticator, GatewayStore store, SecurityEvents security, CancellationToken cancellationToken)
    {
        var auth = await authenticator.AuthenticateAsync(http, Action, cancellationToken);
        if (auth.Gateway is not { } gateway)
        {
            return auth.Refusal!;
        }

        if (!string.Equals(gateway.Id, id, StringComparison.Ordinal))
        {
            return await security.RefuseAsync(new SecurityRefusal("gateway", gateway.Id, Action, gateway.PatientId, 403, "other-gateway",
                "a gateway may rotate only its own secret"), cancellationToken);
        }

        var secret = await store.RotateAsync(gateway.Id, cancellationToken);
        await security.AllowedAsync("gateway", gateway.Id, Action, gateway.PatientId, null, cancellationToken);
        return TypedResults.Ok(new GatewaySecretIssued(secret.Value, secret.ExpiresAt.ToUnixTimeMilliseconds()));
    }
}
