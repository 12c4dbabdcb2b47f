using Microsoft.Extensions.Options;
using Telehealth.Metadata.Gateways;

namespace Telehealth.Ingest.Gateways;

/// <summary>
/// Upserts the configured seed gateways (<c>Gateways:Known</c>) into the metadata store when the service starts (after
/// the migrations, before the server takes requests).
/// </summary>
internal sealed partial class GatewaySeedService(GatewayStore store, IOptions<GatewayRegistryOptions> options, ILogger<GatewaySeedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var gateway in options.Value.Known)
        {
            await store.SeedAsync(gateway.Id, gateway.PatientId, gateway.SecretSha256, gateway.Devices, cancellationToken);
            LogSeeded(logger, gateway.Id, gateway.Devices.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Gateway {GatewayId} seeded from configuration with {Devices} devices")]
    private static partial void LogSeeded(ILogger logger, string gatewayId, int devices);
}
