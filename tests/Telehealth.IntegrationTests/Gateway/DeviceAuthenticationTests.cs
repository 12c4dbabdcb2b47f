using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Telehealth.IntegrationTests.Gateway;

/// <summary>
/// The real gateway process with device credentials required (its default): only enrolled devices log in, each
/// publishes only under its own id; refusals carry the MQTT reason codes, are counted on /status and logged.
/// </summary>
public sealed class DeviceAuthenticationTests : IAsyncLifetime
{
    private Fixtures.Pipeline _pipeline = null!;

    public async Task InitializeAsync() => _pipeline = await Fixtures.Pipeline.StartAsync();

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    private MqttClientOptions Options(string clientId, string? username, string? password, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var builder = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _pipeline.MqttPort).WithClientId(clientId)
            .WithProtocolVersion(version).WithCleanSession(true).WithTimeout(TimeSpan.FromSeconds(10));
        return username is null ? builder.Build() : builder.WithCredentials(username, password).Build();
    }

    private static MqttApplicationMessage Reading(string deviceId)
        => new MqttApplicationMessageBuilder().WithTopic($"telehealth/v1/devices/{deviceId}/readings")
            .WithPayload(Encoding.UTF8.GetBytes("""{"metric":"heart_rate","unit":"/min","ts":1795000000000,"value":72}"""))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    /// <summary>The console logger writes asynchronously: waits up to 10 s for the line.</summary>
    private async Task AssertLoggedAsync(string text, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 100 && !_pipeline.Gateway.Log.Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100, cancellationToken);
        }

        Assert.Contains(text, _pipeline.Gateway.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sim-1", "sim-1", "wrong password", MqttClientConnectResultCode.BadUserNameOrPassword)]
    [InlineData("stranger-1", "stranger-1", "any", MqttClientConnectResultCode.BadUserNameOrPassword)]
    [InlineData("sim-1", null, null, MqttClientConnectResultCode.BadUserNameOrPassword)]
    [InlineData("sim-1", "sim-2", "right password of sim-2", MqttClientConnectResultCode.NotAuthorized)]
    public async Task Connect_WithoutTheDevicesOwnCredentials_IsRefused_CountedAndLogged(
        string clientId, string? username, string? password, MqttClientConnectResultCode expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var before = (await _pipeline.GatewayStatusAsync(timeout.Token)).GetProperty("connectionsRefused").GetInt64();
        if (password == "right password of sim-2")
        {
            password = _pipeline.PasswordOf("sim-2");
        }

        using var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(Options(clientId, username, password), timeout.Token);

        Assert.Equal(expected, result.ResultCode);
        Assert.False(client.IsConnected);
        Assert.Equal(before + 1, (await _pipeline.GatewayStatusAsync(timeout.Token)).GetProperty("connectionsRefused").GetInt64());
        await AssertLoggedAsync($"Security: refused MQTT connection of client {clientId}", timeout.Token);
        Assert.DoesNotContain(_pipeline.DevicePasswordPrefix, _pipeline.Gateway.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_Mqtt311WrongPassword_IsRefused()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var client = new MqttClientFactory().CreateMqttClient();

        var result = await client.ConnectAsync(Options("sim-1", "sim-1", "wrong", MqttProtocolVersion.V311), timeout.Token);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task EnrolledDevice_PublishesUnderItsOwnId_AndIsAcknowledged()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var client = new MqttClientFactory().CreateMqttClient();
        var connected = await client.ConnectAsync(Options("sim-3", "sim-3", _pipeline.PasswordOf("sim-3")), timeout.Token);
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);

        var result = await client.PublishAsync(Reading("sim-3"), timeout.Token);

        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        await _pipeline.WaitForGatewayAsync(s => s.GetProperty("devicesSeen").EnumerateArray().Any(d => d.GetString() == "sim-3"), "sim-3 seen", timeout.Token);
    }

    [Fact]
    public async Task PublishUnderAnotherDevicesId_Mqtt5_NotAuthorized_CountedLoggedAndNotDeadLettered()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var before = await _pipeline.GatewayStatusAsync(timeout.Token);
        using var client = new MqttClientFactory().CreateMqttClient();
        var connected = await client.ConnectAsync(Options("sim-4", "sim-4", _pipeline.PasswordOf("sim-4")), timeout.Token);
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);

        var result = await client.PublishAsync(Reading("sim-5"), timeout.Token);

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        Assert.Contains("telehealth/v1/devices/sim-4/readings", result.ReasonString, StringComparison.Ordinal);
        var after = await _pipeline.GatewayStatusAsync(timeout.Token);
        Assert.Equal(before.GetProperty("messagesUnauthorized").GetInt64() + 1, after.GetProperty("messagesUnauthorized").GetInt64());
        Assert.Equal(before.GetProperty("messagesInvalid").GetInt64(), after.GetProperty("messagesInvalid").GetInt64());
        Assert.Equal(before.GetProperty("buffer").GetProperty("deadLetters").GetInt64(), after.GetProperty("buffer").GetProperty("deadLetters").GetInt64());
        await AssertLoggedAsync("Security: refused a publish of device sim-4 to a topic not its own", timeout.Token);
        Assert.DoesNotContain(after.GetProperty("devicesSeen").EnumerateArray(), d => d.GetString() == "sim-5");
    }

    [Fact]
    public async Task PublishUnderAnotherDevicesId_Mqtt311_ClosesTheConnection()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var before = (await _pipeline.GatewayStatusAsync(timeout.Token)).GetProperty("messagesUnauthorized").GetInt64();
        using var client = new MqttClientFactory().CreateMqttClient();
        var connected = await client.ConnectAsync(Options("sim-6", "sim-6", _pipeline.PasswordOf("sim-6"), MqttProtocolVersion.V311), timeout.Token);
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);

        var acknowledged = false;
        try
        {
            using var publishTimeout = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            publishTimeout.CancelAfter(TimeSpan.FromSeconds(5));
            await client.PublishAsync(Reading("sim-7"), publishTimeout.Token);
            acknowledged = true;
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            // the gateway closed the connection instead of acknowledging
        }

        Assert.False(acknowledged, "a 3.1.1 PUBACK would tell the device its reading was accepted");
        await _pipeline.WaitForGatewayAsync(s => s.GetProperty("messagesUnauthorized").GetInt64() == before + 1, "refusal counted", timeout.Token);
        for (var i = 0; i < 50 && client.IsConnected; i++)
        {
            await Task.Delay(100, timeout.Token);
        }

        Assert.False(client.IsConnected);
    }
}
