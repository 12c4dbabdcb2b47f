using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Heartbeats;
using Telehealth.Ingest.Gateways;
using Telehealth.Metadata.Database;
using Telehealth.Metadata.Fleet;

namespace Telehealth.Ingest.Heartbeats;

/// <summary>
/// <c>POST /api/v1/heartbeats</c>: an authenticated gateway reports its health and learns the ingest's clock; the
/// heartbeat is stored in the metadata store (shared by every ingest instance).
/// <c>GET /api/v1/gateways/{id}/heartbeat</c>: the gateway's latest heartbeat, to that gateway only.
/// The metadata database unreachable → 503 with Retry-After (the gateway tries again at its next heartbeat).
/// </summary>
public static partial class HeartbeatApi
{
    private const int RetryAfterSeconds = 30;

    public static IEndpointRouteBuilder MapHeartbeats(this IEndpointRouteBuilder app)
    {
        app.MapPost(IngestRoutes.Heartbeats, PostAsync)
            .RequireRateLimiting(Intake.GatewayRateLimiting.PolicyName)
            .Accepts<GatewayHeartbeat>("application/json")
            .WithSummary("A gateway's health report; answers the ingest's clock");
        app.MapGet("/api/v1/gateways/{id}/heartbeat", GetLatestAsync)
            .WithSummary("The calling gateway's latest heartbeat as the ingest stored it");
        return app;
    }

    private static async Task<Results<Ok<HeartbeatAck>, ProblemHttpResult>> PostAsync(
        HttpContext http, GatewayAuthenticator authenticator, SecurityEvents security, HeartbeatStore store, HeartbeatMetrics metrics, TimeProvider time,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(HeartbeatApi));
        var auth = await authenticator.AuthenticateAsync(http, "heartbeats.write", cancellationToken);
        if (auth.Gateway is not { } gateway)
        {
            metrics.Count(auth.Refusal!.StatusCode == 503 ? "unavailable" : "unauthenticated");
            return auth.Refusal!;
        }

        GatewayHeartbeat? heartbeat;
        try
        {
            heartbeat = await JsonSerializer.DeserializeAsync(http.Request.Body, IngestJsonContext.Default.GatewayHeartbeat, cancellationToken);
        }
        catch (JsonException ex)
        {
            metrics.Count("rejected");
            return TypedResults.Problem(statusCode: 400, title: "Malformed heartbeat", detail: ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            metrics.Count("rejected");
            return TypedResults.Problem(statusCode: ex.StatusCode, title: "Bad request body", detail: ex.Message);
        }

        if (heartbeat is null || !string.Equals(heartbeat.GatewayId, gateway.Id, StringComparison.Ordinal))
        {
            metrics.Count("forbidden");
            return await security.RefuseAsync(new SecurityRefusal("gateway", gateway.Id, "heartbeats.write", gateway.PatientId, 403, "other-gateway",
                "a gateway may report only for itself"), cancellationToken);
        }

        if (HeartbeatValidator.Validate(heartbeat) is { } reason)
        {
            metrics.Count("rejected");
            LogRejected(logger, gateway.Id, reason);
            return TypedResults.Problem(statusCode: 400, title: "Invalid heartbeat", detail: reason);
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        try
        {
            await store.RecordAsync(new ReceivedHeartbeat(heartbeat with { DevicesSeen = heartbeat.DevicesSeen ?? [] }, now), cancellationToken);
        }
        catch (Exception ex) when (MetadataDb.IsUnavailable(ex))
        {
            metrics.Count("unavailable");
            LogStoreUnavailable(logger, gateway.Id, ex.GetType().Name);
            return Unavailable(http, "the heartbeat was not stored; send it again later");
        }

        metrics.Count("stored");
        return TypedResults.Ok(new HeartbeatAck(now));
    }

    private static async Task<Results<Ok<ReceivedHeartbeat>, ProblemHttpResult>> GetLatestAsync(
        string id, HttpContext http, GatewayAuthenticator authenticator, SecurityEvents security, HeartbeatStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var auth = await authenticator.AuthenticateAsync(http, "heartbeats.read", cancellationToken);
        if (auth.Gateway is not { } gateway)
        {
            return auth.Refusal!;
        }

        if (!string.Equals(gateway.Id, id, StringComparison.Ordinal))
        {
            return await security.RefuseAsync(new SecurityRefusal("gateway", gateway.Id, "heartbeats.read", gateway.PatientId, 403, "other-gateway",
                "only the gateway itself may read its heartbeat"), cancellationToken);
        }

        try
        {
            return await store.LatestAsync(id, cancellationToken) is { } latest
                ? TypedResults.Ok(latest)
                : TypedResults.Problem(statusCode: 404, title: "No heartbeat yet");
        }
        catch (Exception ex) when (MetadataDb.IsUnavailable(ex))
        {
            LogStoreUnavailable(loggers.CreateLogger(typeof(HeartbeatApi)), gateway.Id, ex.GetType().Name);
            return Unavailable(http, "try again later");
        }
    }

    private static ProblemHttpResult Unavailable(HttpContext http, string detail)
    {
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: 503, title: "Metadata store unavailable", detail: detail);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an invalid heartbeat from gateway {GatewayId}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string gatewayId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metadata store unreachable for a heartbeat of gateway {GatewayId} ({Error}); answered 503")]
    private static partial void LogStoreUnavailable(ILogger logger, string gatewayId, string error);
}
