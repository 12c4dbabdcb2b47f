using Microsoft.AspNetCore.Http.HttpResults;
using Telehealth.Ingest.Storage.InfluxQl;

namespace Telehealth.Ingest.Health;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: it can do its job (InfluxDB answers its ping).</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthReport("ok", [])));
        app.MapGet("/readyz", ReadyAsync);
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> ReadyAsync(InfluxQlClient influx, CancellationToken cancellationToken)
    {
        bool influxUp;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            influxUp = await influx.PingAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            influxUp = false;
        }

        var checks = new[] { new HealthCheck("influxdb", influxUp ? "ok" : "unreachable") };
        return influxUp
            ? TypedResults.Ok(new HealthReport("ok", checks))
            : TypedResults.Json(new HealthReport("unavailable", checks), statusCode: 503);
    }
}
