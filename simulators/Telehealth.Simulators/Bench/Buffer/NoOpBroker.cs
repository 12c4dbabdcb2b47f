using System.Net;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>
/// MQTTnet's embedded broker in this process with a no-op <c>InterceptingPublishAsync</c> handler: like the
/// gateway's handler it consumes the message (nothing routed) and answers PUBACK Success, but parses and stores nothing.
/// </summary>
public sealed class NoOpBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private NoOpBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    public static async Task<NoOpBroker> StartAsync()
    {
        var port = FreePort.Next();
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(port)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        server.InterceptingPublishAsync += e =>
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.Success;
            return Task.CompletedTask;
        };
        await server.StartAsync();
        return new NoOpBroker(server, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }
}
