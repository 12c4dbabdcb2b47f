using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Server;
using Telehealth.Gateway.Core.Devices;

namespace Telehealth.Gateway.Core.Broker;

/// <summary>Hosts the MQTTnet broker that devices publish readings to.</summary>
public sealed partial class EmbeddedBroker(
    IOptions<BrokerOptions> options,
    ReadingPublishHandler handler,
    DeviceConnectionValidator validator,
    DeviceRegistry registry,
    ILogger<EmbeddedBroker> logger) : IHostedService, IDisposable
{
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(settings.BindAddress))
            .WithDefaultEndpointPort(settings.Port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += validator.OnValidatingConnectionAsync;
        _server.InterceptingPublishAsync += handler.OnInterceptingPublishAsync;
        await _server.StartAsync();
        LogStarted(logger, settings.BindAddress, settings.Port);
        if (!settings.RequireDeviceCredentials)
        {
            LogAnonymous(logger);
        }
        else if (registry.MqttDeviceCount == 0)
        {
            LogNoDevices(logger);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync();
        }
    }

    public void Dispose() => _server?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT broker listening on {Address}:{Port}")]
    private static partial void LogStarted(ILogger logger, string address, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mqtt:RequireDeviceCredentials is false: any client may connect and publish as any device (development only)")]
    private static partial void LogAnonymous(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No MQTT devices are enrolled (Devices:Mqtt): every device connection will be refused")]
    private static partial void LogNoDevices(ILogger logger);
}
