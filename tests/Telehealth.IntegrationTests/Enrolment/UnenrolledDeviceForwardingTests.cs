using Telehealth.Gateway.Core.Forwarding;

namespace Telehealth.IntegrationTests.Enrolment;

/// <summary>
/// A device the gateway lets in but the ingest does not know on this gateway: the ingest refuses the batch with 403 and
/// the device ids; the gateway dead-letters that device's readings with the reason and sends the rest.
/// </summary>
public sealed class UnenrolledDeviceForwardingTests
{
    [Fact]
    public async Task ReadingsOfADeviceNotEnrolledAtTheIngest_AreDeadLettered_AndTheRestLand()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        // the ingest's seed gateway lists sim-1 but not sim-2 and sim-3 (indexes 1 and 2 of the fixture's device list are replaced)
        await using var pipeline = await Fixtures.Pipeline.StartAsync(ingestSettings: new Dictionary<string, string>
        {
            ["Gateways__Known__0__Devices__1"] = "sim-not-this-one",
            ["Gateways__Known__0__Devices__2"] = "sim-nor-this-one",
        }, cancellationToken: timeout.Token);

        await pipeline.RunSimulatorAsync(["--devices", "3", "--kinds", "oximeter,wearable,wearable", "--rate", "50", "--count", "20"], timeout.Token);

        await pipeline.WaitForGatewayAsync(s => s.GetProperty("buffer").GetProperty("readings").GetInt64() == 0, "buffer drained", timeout.Token);
        var status = await pipeline.GatewayStatusAsync(timeout.Token);
        Assert.Equal(40, status.GetProperty("buffer").GetProperty("deadLetters").GetInt64());
        using var http = new HttpClient();
        var letters = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(
            http, new Uri(pipeline.GatewayUrl, "/status/dead-letters?limit=100"), timeout.Token);
        Assert.Equal(40, letters.GetArrayLength());
        Assert.Equal(["sim-2", "sim-3"], letters.EnumerateArray().Select(l => l.GetProperty("deviceId").GetString()).Distinct().Order());
        Assert.All(letters.EnumerateArray(), l =>
        {
            Assert.Equal(ForwarderService.UnenrolledReason, l.GetProperty("reason").GetString());
        });
        Assert.Equal(20, await pipeline.CountAsync("spo2", timeout.Token));
        Assert.Equal(0, await pipeline.CountAsync("heart_rate", timeout.Token));
        Assert.Contains("devices-not-enrolled", pipeline.Ingest.Log, StringComparison.Ordinal);
    }
}
