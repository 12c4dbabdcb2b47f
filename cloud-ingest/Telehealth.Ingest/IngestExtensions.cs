using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Batches;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Gateways;
using Telehealth.Ingest.Intake;

namespace Telehealth.Ingest;

/// <summary>The ingest's features, one <c>Add…</c> each.</summary>
public static class IngestExtensions
{
    /// <summary>Gateway credentials (section Gateways), validated at start.</summary>
    public static IHostApplicationBuilder AddGatewayRegistry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayRegistryOptions>().Bind(builder.Configuration.GetSection(GatewayRegistryOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<GatewayAuthenticator>();
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
        builder.Services.AddSingleton<Heartbeats.HeartbeatStore>();
        builder.Services.AddRequestDecompression();
        builder.Services.AddProblemDetails();

        // Answers of the contract (one result per reading) through the source-generated serializer, not reflection.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, IngestJsonContext.Default));
        return builder;
    }
}
