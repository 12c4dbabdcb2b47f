using Telehealth.Ingest.Batches;
using Telehealth.Ingest.Gateways;

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

    /// <summary>Batch intake: gzip request decompression (bounded by the body size limit) and validation.</summary>
    public static IHostApplicationBuilder AddBatchIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BatchValidator>();
        builder.Services.AddSingleton<Heartbeats.HeartbeatStore>();
        builder.Services.AddRequestDecompression();
        builder.Services.AddProblemDetails();
        return builder;
    }
}
