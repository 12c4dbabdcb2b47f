using System.Globalization;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.ExternalBroker;

/// <summary>
/// How the gateway logs in to a real mosquitto in <c>Mqtt:Mode=External</c>: wrong password and untrusted TLS are
/// refused with a clear error and retried; the right CA works; a broker restart is survived with the session resumed.
/// </summary>
public sealed class ExternalBrokerConnectionTests
{
    private static void UseTls(MosquittoServer broker, Dictionary<string, string> settings, string caFile)
    {
        settings["Mqtt__External__Port"] = broker.TlsPort.ToString(CultureInfo.InvariantCulture);
        settings["Mqtt__External__UseTls"] = "true";
        settings["Mqtt__External__CaFile"] = caFile;
    }

    [Fact]
    public async Task WrongPassword_IsAClearErrorOnStatusAndInTheLog_AndIsRetried()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var rig = await ExternalBrokerRig.StartAsync(timeout.Token, (broker, settings) =>
        {
            var wrong = Path.Combine(broker.Directory, "wrong.password");
            File.WriteAllText(wrong, "not-the-password\n");
            settings["Mqtt__External__PasswordFile"] = wrong;
        });

        await rig.WaitForAsync(s => s.GetProperty("connectFailures").GetInt64() >= 3, "three refused attempts", timeout.Token);

        var status = await rig.ExternalStatusAsync(timeout.Token);
        Assert.False(status.GetProperty("connected").GetBoolean());
        Assert.Equal(0, status.GetProperty("connects").GetInt64());
        var error = status.GetProperty("lastError").GetString() ?? "";
        Assert.Contains("the broker refused the connection", error, StringComparison.Ordinal);
        Assert.True(error.Contains("NotAuthorized", StringComparison.Ordinal) || error.Contains("BadUserNameOrPassword", StringComparison.Ordinal), error);
        Assert.Contains("check Mqtt:External:Username", error, StringComparison.Ordinal);
        Assert.Contains("Cannot connect to the external broker", rig.Pipeline.Gateway.Log, StringComparison.Ordinal);
        Assert.Contains("Mqtt:External:PasswordFile", rig.Pipeline.Gateway.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", rig.Pipeline.Gateway.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_WithTheBrokersCa_Connects_AndReadingsArrive()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var rig = await ExternalBrokerRig.StartAsync(timeout.Token, (broker, settings) => UseTls(broker, settings, broker.CaFile));
        await rig.WaitConnectedAsync(timeout.Token);
        var ackLog = Path.Combine(rig.Pipeline.Directory, "acked.tsv");

        await rig.RunDevicesAsync(["--devices", "2", "--rate", "0", "--count", "25", "--acked-log", ackLog], timeout.Token);

        Assert.Equal(50, await rig.Pipeline.AssertAckedStoredExactlyOnceAsync(ackLog, ["heart_rate"], timeout.Token));
    }

    [Fact]
    public async Task Tls_WithAnotherCa_IsRefused_AndRetried()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var rig = await ExternalBrokerRig.StartAsync(timeout.Token, (broker, settings) => UseTls(broker, settings, broker.WrongCaFile));

        await rig.WaitForAsync(s => s.GetProperty("connectFailures").GetInt64() >= 2, "two refused attempts", timeout.Token);

        var status = await rig.ExternalStatusAsync(timeout.Token);
        Assert.False(status.GetProperty("connected").GetBoolean());
        Assert.Equal(0, status.GetProperty("connects").GetInt64());
        Assert.StartsWith("TLS handshake failed", status.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_WithTheRightCaButAnotherServerName_IsRefused()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var rig = await ExternalBrokerRig.StartAsync(timeout.Token, (broker, settings) =>
        {
            UseTls(broker, settings, broker.CaFile);
            settings["Mqtt__External__TlsServerName"] = "mqtt.other.example";
        });

        await rig.WaitForAsync(s => s.GetProperty("connectFailures").GetInt64() >= 2, "two refused attempts", timeout.Token);

        var status = await rig.ExternalStatusAsync(timeout.Token);
        Assert.Equal(0, status.GetProperty("connects").GetInt64());
        Assert.StartsWith("TLS handshake failed", status.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokerRestarted_GatewayReconnectsAndResumesItsSession_AndGetsWhatWasQueuedWhileItWasAway()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var rig = await ExternalBrokerRig.StartAsync(timeout.Token);
        await rig.WaitConnectedAsync(timeout.Token);
        Assert.Equal(0, (await rig.ExternalStatusAsync(timeout.Token)).GetProperty("sessionsResumed").GetInt64()); // a new session

        await rig.Broker.StopAsync();
        await rig.WaitForAsync(s => !s.GetProperty("connected").GetBoolean() && s.GetProperty("connectFailures").GetInt64() >= 1,
            "disconnected and retrying", timeout.Token);
        await rig.Broker.StartAgainAsync(timeout.Token);
        await rig.WaitForAsync(s => s.GetProperty("connected").GetBoolean() && s.GetProperty("reconnects").GetInt64() == 1,
            "reconnected", timeout.Token);
        Assert.Equal(1, (await rig.ExternalStatusAsync(timeout.Token)).GetProperty("sessionsResumed").GetInt64());

        // Gateway gone (SIGKILL), devices keep publishing to mosquitto, mosquitto restarts, then the gateway comes back.
        await rig.Pipeline.Gateway.KillAsync();
        var ackLog = Path.Combine(rig.Pipeline.Directory, "acked.tsv");
        await rig.RunDevicesAsync(["--devices", "3", "--rate", "0", "--samples-per-message", "4", "--count", "50", "--acked-log", ackLog], timeout.Token);
        await rig.Broker.StopAsync();
        await rig.Broker.StartAgainAsync(timeout.Token);
        await rig.Pipeline.Gateway.StartAsync(timeout.Token);

        Assert.Equal(600, await rig.Pipeline.AssertAckedStoredExactlyOnceAsync(ackLog, ["heart_rate"], timeout.Token));
        var status = await rig.ExternalStatusAsync(timeout.Token);
        Assert.Equal(1, status.GetProperty("sessionsResumed").GetInt64());
        Assert.Equal(150, status.GetProperty("messagesCommitted").GetInt64());
    }
}
