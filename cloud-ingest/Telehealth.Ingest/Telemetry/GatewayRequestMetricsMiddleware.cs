using Telehealth.Ingest.Contracts.Batches;

namespace Telehealth.Ingest.Telemetry;

/// <summary>
/// Counts every answer of the gateway API (<c>/api/</c>) by what it says (401/403, 413, 429), and each batch request's
/// outcome and duration. Sits before the rate limiter, so its 429s are seen too; reads only the status code.
/// </summary>
public sealed class GatewayRequestMetricsMiddleware(RequestDelegate next, IngestMetrics metrics, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var started = time.GetTimestamp();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            metrics.GatewayRequestAnswered(status);
            if (context.Request.Path.StartsWithSegments(IngestRoutes.Batches, StringComparison.OrdinalIgnoreCase))
            {
                metrics.BatchAnswered(status, time.GetElapsedTime(started));
            }
        }
    }
}
