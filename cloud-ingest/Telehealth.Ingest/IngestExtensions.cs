using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Admin;
using Telehealth.Ingest.Batches;
using Telehealth.Ingest.Fleet;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Gateways;
using Telehealth.Ingest.Heartbeats;
using Telehealth.Ingest.Intake;
using Telehealth.Metadata.Fleet;
using Telehealth.Metadata.Gateways;

namespace Telehealth.Ingest;

/// <summary>The ingest's features, one <c>Add…</c> each.</summary>
public static class IngestExtensions
{
    /// <summary>
    /// Gateways in the metadata store: authentication of every gateway call (section Gateways, validated at start; the
    /// <c>Gateways:Known</c> seed is upserted at start), enrolment codes (section Enrolment), operators' administration,
    /// and the audit of every refusal.
    /// </summary>
    public static IHostApplicationBuilder AddGatewayRegistry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayRegistryOptions>().Bind(builder.Configuration.GetSection(GatewayRegistryOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddGatewayStore(builder.Configuration);
        builder.Services.AddSingleton<SecurityEvents>();
        builder.Services.AddSingleton<GatewayAuthenticator>();
        builder.Services.AddSingleton<OperatorAuthenticator>();
        builder.Services.AddHostedService<GatewaySeedService>();
        return builder;
    }

    /// <summary>
    /// Batch intake (section Intake): body size limit (413) that also bounds gzip decompression, a rate limit per gateway
    /// (429), validation, and problem details (RFC 9457) for every error.
    /// </summary>
    public static IHostApplicationBuilder AddBatchIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IntakeOptions>().Bind(builder.Configuration.GetSection(IntakeOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<IntakeOptions>>(
            (kestrel, intake) => kestrel.Limits.MaxRequestBodySize = intake.Value.MaxBodyBytes);
        builder.Services.AddGatewayRateLimiting();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BatchValidator>();
        builder.Services.AddRequestDecompression();
        builder.Services.AddProblemDetails();

        // Answers of the contract (one result per reading) through the source-generated serializer, not reflection.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, IngestJsonContext.Default));
        return builder;
    }

    /// <summary>
    /// Heartbeats and the fleet view (section Fleet, validated at start): heartbeats stored in the metadata store (latest
    /// per gateway plus pruned history), the operators' fleet API and the history pruner. Needs the metadata store.
    /// </summary>
    public static IHostApplicationBuilder AddFleet(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FleetOptions>().Bind(builder.Configuration.GetSection(FleetOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<GatewayHealthClassifier>();
        builder.Services.AddSingleton<HeartbeatStore>();
        builder.Services.AddSingleton<FleetStore>();
        builder.Services.AddSingleton<HeartbeatMetrics>();
        builder.Services.AddSingleton<OperatorGate>();
        builder.Services.AddHostedService<HeartbeatHistoryPruner>();
        return builder;
    }
}
