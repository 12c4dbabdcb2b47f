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
        HttpContext http, GatewayAuthenticator authenticator, HeartbeatStore store, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var gatewayId = http.Request.Headers[IngestRoutes.GatewayIdHeader].ToString();
        var gateway = authenticator.Authenticate(gatewayId, http.Request.Headers.Authorization.ToString());
        if (gateway is null)
        {
            LogUnauthenticated(loggers.CreateLogger(typeof(HeartbeatApi)), gatewayId.Length > 64 ? gatewayId[..64] : gatewayId);
            return TypedResults.Problem(statusCode: 401, title: "Unauthenticated", detail: "unknown gateway or wrong secret");
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
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "a gateway may report only for itself");
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        store.Record(heartbeat with { DevicesSeen = heartbeat.DevicesSeen ?? [] }, now);
        return TypedResults.Ok(new HeartbeatAck(now));
    }

    private static Results<Ok<ReceivedHeartbeat>, ProblemHttpResult> GetLatest(string id, HttpContext http, GatewayAuthenticator authenticator, HeartbeatStore store)
    {
        var gateway = authenticator.Authenticate(http.Request.Headers[IngestRoutes.GatewayIdHeader].ToString(), http.Request.Headers.Authorization.ToString());
        if (gateway is null || !string.Equals(gateway.Id, id, StringComparison.Ordinal))
        {
            return TypedResults.Problem(statusCode: 401, title: "Unauthenticated", detail: "only the gateway itself may read its heartbeat");
        }

        return store.Latest(id) is { } latest
            ? TypedResults.Ok(latest)
            : TypedResults.Problem(statusCode: 404, title: "No heartbeat yet");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Security: refused a heartbeat from unauthenticated gateway id '{GatewayId}'")]
    private static partial void LogUnauthenticated(ILogger logger, string gatewayId);
}
