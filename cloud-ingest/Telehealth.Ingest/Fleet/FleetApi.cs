using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Telehealth.Metadata.Database;
using Telehealth.Metadata.Fleet;

namespace Telehealth.Ingest.Fleet;

/// <summary>
/// The fleet view for operators (bearer token of an operator; see <see cref="OperatorGate"/>):
/// <c>GET /api/v1/fleet/gateways[?state=ok|silent|never_seen|revoked]</c> lists every gateway of the metadata store
/// with its state and warnings; <c>GET /api/v1/fleet/gateways/{id}</c> adds its recent heartbeat history.
/// Only pseudonymous ids, never readings. The metadata database unreachable → 503.
/// </summary>
public static class FleetApi
{
    public const string ListAction = "fleet.gateways.list";

    public const string ReadAction = "fleet.gateways.read";

    public static IEndpointRouteBuilder MapFleet(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/fleet").WithTags("Fleet");
        group.MapGet("/gateways", ListAsync).WithSummary("Every gateway with its state (ok, silent, never_seen, revoked) and warnings");
        group.MapGet("/gateways/{id}", GetAsync).WithSummary("One gateway's state, latest heartbeat and recent heartbeat history");
        return app;
    }

    private static async Task<Results<Ok<FleetGatewayList>, ProblemHttpResult>> ListAsync(
        string? state, HttpContext http, OperatorGate gate, FleetStore fleet, TimeProvider time, IOptions<FleetOptions> options, CancellationToken cancellationToken)
    {
        if (state is not null && !GatewayState.All.Contains(state))
        {
            return TypedResults.Problem(statusCode: 400, title: "Unknown state", detail: $"state must be one of {string.Join(", ", GatewayState.All)}");
        }

        try
        {
            var (_, refusal) = await gate.AuthorizeAsync(http, ListAction, null, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            var gateways = await fleet.ListAsync(state, cancellationToken);
            return TypedResults.Ok(new FleetGatewayList(time.GetUtcNow().ToUnixTimeMilliseconds(), options.Value.SilentAfterSeconds, gateways));
        }
        catch (Exception ex) when (MetadataDb.IsUnavailable(ex))
        {
            return Unavailable(http);
        }
    }

    private static async Task<Results<Ok<FleetGatewayDetail>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, OperatorGate gate, FleetStore fleet, HeartbeatStore heartbeats, CancellationToken cancellationToken)
    {
        try
        {
            var gateway = await fleet.GetAsync(id, cancellationToken);
            var (_, refusal) = await gate.AuthorizeAsync(http, ReadAction, gateway?.PatientId, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            return gateway is null
                ? TypedResults.Problem(statusCode: 404, title: "No such gateway", detail: "the metadata store has no gateway with this id")
                : TypedResults.Ok(new FleetGatewayDetail(gateway, await heartbeats.HistoryAsync(id, cancellationToken)));
        }
        catch (Exception ex) when (MetadataDb.IsUnavailable(ex))
        {
            return Unavailable(http);
        }
    }

    private static ProblemHttpResult Unavailable(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "30";
        return TypedResults.Problem(statusCode: 503, title: "Metadata store unavailable", detail: "try again later");
    }
}
