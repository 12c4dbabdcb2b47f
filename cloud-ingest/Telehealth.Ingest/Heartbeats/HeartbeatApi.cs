using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Heartbeats;
using Telehealth.Ingest.Gateways;

namespace Telehealth.Ingest.Heartbeats;

/// <summary>
/// <c>POST /api/v1/heartbeats</c>: an authenticated gateway reports its health and learns the ingest's clock.
/// <c>GET /api/v1/gateways/{id}/heartbeat</c>: the gateway's latest heartbeat, to that gateway only.
/// </summary>
public static partial class HeartbeatApi
{
    public static IEndpointRouteBuilder MapHeartbeats(this IEndpointRouteBuilder app)
    {
        app.MapPost(IngestRoutes.Heartbeats, PostAsync)
            .RequireRateLimiting(Intake.GatewayRateLimiting.PolicyName)
            .Accepts<GatewayHeartbeat>("application/json")
            .WithSummary("A gateway's health report; answers the ingest's clock");
        app.MapGet("/api/v1/gateways/{id}/heartbeat", GetLatest);
        return app;
    }

    private static async Task<Results<Ok<HeartbeatAck>, ProblemHttpResult>> PostAsync(
        HttpContext http, GatewayAuthenticator authenticator, SecurityEvents security, HeartbeatStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var auth = await authenticator.AuthenticateAsync(http, "heartbeats.write", cancellationToken);
        if (auth.Gateway is not { } gateway)
        {
            return auth.Refusal!;
        }

        GatewayHeartbeat? heartbeat;
        try
        {
            heartbeat = await JsonSerializer.DeserializeAsync(http.Request.Body, IngestJsonContext.Default.GatewayHeartbeat, cancellationToken);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed heartbeat", detail: ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            return TypedResults.Problem(statusCode: ex.StatusCode, title: "Bad request body", detail: ex.Message);
        }

        if (heartbeat is null || !string.Equals(heartbeat.GatewayId, gateway.Id, StringComparison.Ordinal))
        {
            return await security.RefuseAsync(new SecurityRefusal("gateway", gateway.Id, "heartbeats.write", gateway.PatientId, 403, "other-gateway",
                "a gateway may report only for itself"), cancellationToken);
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        store.Record(heartbeat with { DevicesSeen = heartbeat.DevicesSeen ?? [] }, now);
        return TypedResults.Ok(new HeartbeatAck(now));
    }

    private static async Task<Results<Ok<ReceivedHeartbeat>, ProblemHttpResult>> GetLatest(
        string id, HttpContext http, GatewayAuthenticator authenticator, SecurityEvents security, HeartbeatStore store, CancellationToken cancellationToken)
    {
        var auth = await authenticator.AuthenticateAsync(http, "heartbeats.read", cancellationToken);
        if (auth.Gateway is not { } gateway)
        {
            return auth.Refusal!;
        }

        if (!string.Equals(gateway.Id, id, StringComparison.Ordinal))
        {
            return await security.RefuseAsync(new SecurityRefusal("gateway", gateway.Id, "heartbeats.read", gateway.PatientId, 401, "other-gateway",
                "only the gateway itself may read its heartbeat"), cancellationToken);
        }

        return store.Latest(id) is { } latest
            ? TypedResults.Ok(latest)
            : TypedResults.Problem(statusCode: 404, title: "No heartbeat yet");
    }
}
