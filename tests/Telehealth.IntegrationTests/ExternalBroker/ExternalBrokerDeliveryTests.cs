using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.ExternalBroker;

/// <summary>
/// <c>Mqtt:Mode=External</c> against a real mosquitto: devices publish QoS 1 to mosquitto; the gateway subscribes with a
/// persistent session and acknowledges each message only after its SQLite commit. Every message mosquitto acknowledged
/// to a device must reach InfluxDB exactly once — also when the gateway is killed with SIGKILL mid-stream.
/// </summary>
public sealed class ExternalBrokerDeliveryTests
{
    [Fact]
    public async Task DevicesPublishingToMosquitto_EveryAcknowledgedReadingReachesInfluxOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var rig = await ExternalBrokerRig.StartAsync(timeout.Token);
        await rig.WaitConnectedAsync(timeout.Token);
        var ackLog = Path.Combine(rig.Pipeline.Directory, "acked.tsv");

        await rig.RunDevicesAsync(["--devices", "5", "--rate", "0", "--samples-per-message", "10", "--count", "200", "--acked-log", ackLog], timeout.Token);

        Assert.Equal(10_000, await rig.Pipeline.AssertAckedStoredExactlyOnceAsync(ackLog, ["heart_rate"], timeout.Token));
        await rig.WaitForAsync(s => s.GetProperty("messagesCommitted").GetInt64() == 1000, "1000 messages committed", timeout.Token);
        var status = await rig.ExternalStatusAsync(timeout.Token);
        Assert.Equal(1000, status.GetProperty("messagesReceived").GetInt64());
        Assert.Equal(0, status.GetProperty("messagesDeadLettered").GetInt64());
        Assert.Equal(1, status.GetProperty("connects").GetInt64());
    }

    [Fact]
    public async Task InvalidPayloadThroughMosquitto_IsDeadLetteredWithItsReason_AndAcknowledged()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var rig = await ExternalBrokerRig.StartAsync(timeout.Token);
        await rig.WaitConnectedAsync(timeout.Token);

        await rig.RunDevicesAsync(["--devices", "1", "--rate", "0", "--count", "20", "--invalid-every", "5"], timeout.Token);

        await rig.WaitForAsync(s => s.GetProperty("messagesCommitted").GetInt64() + s.GetProperty("messagesDeadLettered").GetInt64() == 20,
            "20 messages handled", timeout.Token);
        var status = await rig.Pipeline.GatewayStatusAsync(timeout.Token);
        Assert.Equal(4, status.GetProperty("mqttExternal").GetProperty("messagesDeadLettered").GetInt64());
        Assert.Equal(4, status.GetProperty("buffer").GetProperty("deadLetters").GetInt64());
        Assert.Equal(4, status.GetProperty("messagesInvalid").GetInt64());
    }

    [Fact]
    public async Task GatewayKilledWithSigkillMidStream_AndRestarted_EveryReadingMosquittoAcknowledgedIsStoredOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var rig = await ExternalBrokerRig.StartAsync(timeout.Token);
        await rig.WaitConnectedAsync(timeout.Token);
        var ackLog = Path.Combine(rig.Pipeline.Directory, "acked.tsv");

        // 5 devices × 40 messages/s × 5 samples for 10 s, while the gateway is killed twice
        var devices = Task.Run(() => rig.RunDevicesAsync(
            ["--devices", "5", "--rate", "40", "--samples-per-message", "5", "--count", "400", "--acked-log", ackLog], timeout.Token), timeout.Token);
        for (var kill = 0; kill < 2; kill++)
        {
            await rig.WaitForAsync(s => s.GetProperty("messagesCommitted").GetInt64() > 100, "the stream flowing", timeout.Token);
            await rig.Pipeline.Gateway.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token); // mosquitto queues for the session meanwhile
            await rig.Pipeline.Gateway.StartAsync(timeout.Token);
            await rig.WaitForAsync(s => s.GetProperty("connected").GetBoolean(), "reconnected after the kill", timeout.Token);
            var status = await rig.ExternalStatusAsync(timeout.Token);
            Assert.Equal(1, status.GetProperty("sessionsResumed").GetInt64());
        }

        await devices;
        Assert.Equal(10_000, await rig.Pipeline.AssertAckedStoredExactlyOnceAsync(ackLog, ["heart_rate"], timeout.Token));
    }
}
