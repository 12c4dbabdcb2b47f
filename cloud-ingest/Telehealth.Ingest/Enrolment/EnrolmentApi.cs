using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Enrolment;
using Telehealth.Ingest.Gateways;
using Telehealth.Metadata.Gateways;

namespace Telehealth.Ingest.Enrolment;

/// <summary>
/// <c>POST /api/v1/enrolment</c>: a gateway exchanges its one-time enrolment code for its own secret. The code is used
/// up; a wrong, used or expired code gets 401 and is audited as a security event.
/// </summary>
public static class EnrolmentApi
{
    public const string Action = "gateways.enrol";

    public static IEndpointRouteBuilder MapEnrolment(this IEndpointRouteBuilder app)
    {
        app.MapPost(IngestRoutes.Enrolment, EnrolAsync)
            .RequireRateLimiting(Intake.GatewayRateLimiting.PolicyName)
            .Accepts<EnrolmentRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Exchange a one-time enrolment code for the gateway's secret");
        return app;
    }

    private static async Task<Results<Ok<GatewaySecretIssued>, ProblemHttpResult>> EnrolAsync(
        HttpContext http, GatewayStore store, GatewayAuthenticator authenticator, SecurityEvents security, CancellationToken cancellationToken)
    {
        EnrolmentRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(http.Request.Body, EnrolmentJsonContext.Default.EnrolmentRequest, cancellationToken);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed enrolment request", detail: ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            return TypedResults.Problem(statusCode: ex.StatusCode, title: "Bad request body", detail: ex.Message);
        }

        if (request is null || string.IsNullOrEmpty(request.GatewayId))
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed enrolment request", detail: "gatewayId and code are required");
        }

        var result = await store.EnrolAsync(request.GatewayId, request.Code ?? "", cancellationToken);
        switch (result.Status)
        {
            case EnrolmentStatus.Enrolled:
                authenticator.Forget(request.GatewayId);
                await security.AllowedAsync("gateway", request.GatewayId, Action, result.PatientId, null, cancellationToken);
                return TypedResults.Ok(new GatewaySecretIssued(result.Secret!.Value, result.Secret.ExpiresAt.ToUnixTimeMilliseconds()));
            case EnrolmentStatus.CodeExpired:
                return await security.RefuseAsync(new SecurityRefusal("gateway", request.GatewayId, Action, result.PatientId, 401, "code-expired",
                    "the enrolment code has expired; ask the operator for a new one"), cancellationToken);
            default:
                return await security.RefuseAsync(new SecurityRefusal("gateway", request.GatewayId, Action, null, 401, "invalid-code",
                    "unknown gateway, or a wrong or already used enrolment code"), cancellationToken);
        }
    }
}
