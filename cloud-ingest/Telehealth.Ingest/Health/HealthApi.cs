using Microsoft.AspNetCore.Http.HttpResults;
using Dapper;
using Telehealth.Ingest.Storage.InfluxQl;
using Telehealth.Metadata.Database;

namespace Telehealth.Ingest.Health;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: it can do its job (InfluxDB answers its ping, the metadata database a query).</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthReport("ok", [])));
        app.MapGet("/readyz", ReadyAsync);
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> ReadyAsync(InfluxQlClient influx, MetadataDb metadata, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        var influxUp = await CheckAsync(() => influx.PingAsync(timeout.Token), cancellationToken);
        var metadataUp = await CheckAsync(async () =>
        {
            await using var connection = await metadata.OpenAsync(timeout.Token);
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM schema_migrations", cancellationToken: timeout.Token)) > 0;
        }, cancellationToken);

        var checks = new[]
        {
            new HealthCheck("influxdb", influxUp ? "ok" : "unreachable"),
            new HealthCheck("metadata", metadataUp ? "ok" : "unreachable"),
        };
        return influxUp && metadataUp
            ? TypedResults.Ok(new HealthReport("ok", checks))
            : TypedResults.Json(new HealthReport("unavailable", checks), statusCode: 503);
    }

    private static async Task<bool> CheckAsync(Func<Task<bool>> check, CancellationToken cancellationToken)
    {
        try
        {
            return await check();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            return false; // unreachable, timed out or not migrated: not ready
        }
    }
}
