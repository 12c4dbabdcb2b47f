using System.Globalization;

namespace Telehealth.IntegrationTests.ExternalBroker;

/// <summary>
/// The buffer's byte budget reached in <c>Mqtt:Mode=External</c> while the ingest is down: the gateway stops
/// acknowledging (mosquitto keeps the messages queued in the session), stays connected, and drains everything once
/// the ingest is back — nothing mosquitto acknowledged to a device is lost.
/// </summary>
public sealed class ExternalBrokerBackPressureTests
{
    [Fact]
    public async Task BufferFull_MessagesStayUnacknowledgedAtMosquitto_AndAllArriveOnceTheIngestIsBack()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var rig = await ExternalBrokerRig.StartAsync(timeout.Token, (_, settings) =>
            settings["Buffer__MaxBytes"] = (1024 * 1024).ToString(CultureInfo.InvariantCulture));
        await rig.WaitConnectedAsync(timeout.Token);
        await rig.Pipeline.Ingest.KillAsync();
        var ackLog = Path.Combine(rig.Pipeline.Directory, "acked.tsv");

        // mosquitto acknowledges all of these to the devices at once; the gateway's 1 MiB buffer cannot hold them
        await rig.RunDevicesAsync(["--devices", "2", "--rate", "0", "--samples-per-message", "20", "--count", "600", "--acked-log", ackLog], timeout.Token);
        await rig.Pipeline.WaitForGatewayAsync(
            s => s.GetProperty("buffer").GetProperty("full").GetBoolean() && s.GetProperty("mqttExternal").GetProperty("commitRetries").GetInt64() > 0,
            "buffer full and commits held back", timeout.Token);
        var held = await rig.ExternalStatusAsync(timeout.Token);
        Assert.True(held.GetProperty("connected").GetBoolean(), "a full buffer must not drop the session");
        Assert.True(held.GetProperty("messagesCommitted").GetInt64() < 1200, "everything was committed although the buffer is full");
        Assert.Contains("Buffer full: not acknowledging to the external broker", rig.Pipeline.Gateway.Log, StringComparison.Ordinal);

        await rig.Pipeline.Ingest.StartAsync(timeout.Token);

        try
        {
            await rig.Pipeline.AssertAckedStoredExactlyOnceAsync(ackLog, ["heart_rate"], timeout.Token);
        }
        catch (Xunit.Sdk.XunitException ex)
        {
            var lines = string.Join('\n', rig.Pipeline.Gateway.Log.Split('\n').Where(l => !l.Contains("Buffer full: not", StringComparison.Ordinal) && !l.Contains("[4101]", StringComparison.Ordinal)));
            throw new Xunit.Sdk.XunitException("status: " + (await rig.Pipeline.GatewayStatusAsync(timeout.Token)) + "\ngateway log without the hold messages:\n" + lines[^Math.Min(lines.Length, 8000)..], ex);
        }

        var drained = await rig.ExternalStatusAsync(timeout.Token);
        Assert.Equal(1200, drained.GetProperty("messagesCommitted").GetInt64());
        Assert.Equal(1, drained.GetProperty("connects").GetInt64());
    }
}
