using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Telehealth.Ingest.Telemetry;

/// <summary>
/// OpenTelemetry metrics: our meters (<see cref="IngestMetrics"/>, heartbeats, alerting), ASP.NET Core and runtime
/// instruments, a Prometheus scrape endpoint.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Registers the metrics (section Telemetry, validated at start) and the Prometheus exporter.</summary>
    public static IHostApplicationBuilder AddIngestTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().Bind(builder.Configuration.GetSection(TelemetryOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IngestMetrics.MeterName, Heartbeats.HeartbeatMetrics.MeterName, Alerting.AlertingMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Counts the gateway API's answers; call before the rate limiter so that its refusals are counted.</summary>
    public static IApplicationBuilder UseIngestTelemetry(this IApplicationBuilder app)
        => app.UseMiddleware<GatewayRequestMetricsMiddleware>();

    /// <summary>Maps the Prometheus scrape endpoint when <see cref="TelemetryOptions.PrometheusEnabled"/>.</summary>
    public static IEndpointRouteBuilder MapIngestTelemetry(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options.PrometheusEnabled)
        {
            app.MapPrometheusScrapingEndpoint(options.PrometheusPath);
        }

        return app;
    }
}
