using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Faults;

/// <summary>Readings the ingest refuses become dead letters on the gateway, with the ingest's reason; they are not retried forever.</summary>
public sealed class IngestRejectionTests
{
    [Fact]
    public async Task ReadingsTheStoreRefuses_AreDeadLetteredOnTheGateway_AndTheRestLand()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var pipeline = await Fixtures.Pipeline.StartAsync(cancellationToken: timeout.Token);
        using var http = new HttpClient();
        var earlier = TimeProvider.System.GetUtcNow().AddMinutes(-5).ToUnixTimeMilliseconds();
        using (var write = await http.PostAsync(new Uri(pipeline.Influx.BaseAddress, $"/write?db={pipeline.Database}&precision=ms"),
                   new StringContent($"spo2,device=sim-1,patient={pipeline.PatientId} value=\"corrupt\" {earlier}"), timeout.Token))
        {
            write.EnsureSuccessStatusCode();
        }

        var ackLog = Path.Combine(pipeline.Directory, "acked.tsv");
        await pipeline.RunSimulatorAsync(["--devices", "2", "--kinds", "oximeter,wearable", "--rate", "50", "--count", "20", "--acked-log", ackLog], timeout.Token);

        await pipeline.WaitForGatewayAsync(s => s.GetProperty("buffer").GetProperty("readings").GetInt64() == 0, "buffer drained", timeout.Token);
        var status = await pipeline.GatewayStatusAsync(timeout.Token);
        Assert.Equal(20, status.GetProperty("readingsRejectedByIngest").GetInt64());
        Assert.Equal(20, status.GetProperty("buffer").GetProperty("deadLetters").GetInt64());
        var letters = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(
            http, new Uri(pipeline.GatewayUrl, "/status/dead-letters?limit=100"), timeout.Token);
        Assert.All(letters.EnumerateArray(), l =>
        {
            Assert.Equal("ingest", l.GetProperty("source").GetString());
            Assert.Equal("sim-1", l.GetProperty("deviceId").GetString());
            Assert.Contains("refused by the time-series store", l.GetProperty("reason").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(20, await pipeline.CountAsync("heart_rate", timeout.Token));
    }
}
