using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Faults;

/// <summary>Real outages of real processes while devices stream: nothing acknowledged may be lost or duplicated.</summary>
public sealed class OutageTests
{
    private static readonly string[] Metrics = ["heart_rate", "spo2", "blood_pressure"];

    [Fact]
    public async Task InfluxThenIngestDown_MidStream_EveryAcknowledgedReadingLandsExactlyOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var pipeline = await Fixtures.Pipeline.StartAsync(cancellationToken: timeout.Token);
        var ackLog = Path.Combine(pipeline.Directory, "acked.tsv");

        var devices = pipeline.StartSimulatorAsync(["--devices", "4", "--kinds", "wearable,oximeter,bp", "--rate", "25",
            "--samples-per-message", "2", "--duration", "14s", "--acked-log", ackLog], timeout.Token);

        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        await pipeline.Influx.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(3), timeout.Token);
        await pipeline.Influx.StartAgainAsync(timeout.Token);
        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        await pipeline.Ingest.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(3), timeout.Token);
        await pipeline.Ingest.StartAsync(timeout.Token);
        await devices;

        // 4 devices × 2 samples may be committed but unacknowledged when --duration cancels them.
        var acked = await pipeline.AssertAckedStoredExactlyOnceAsync(ackLog, Metrics, timeout.Token, unacknowledgedInFlight: 8);
        Assert.True(acked > 1000, $"only {acked} readings were acknowledged");
        Assert.Contains("answering 503", pipeline.Ingest.Log + pipeline.Gateway.Log, StringComparison.Ordinal);
        var status = await pipeline.GatewayStatusAsync(timeout.Token);
        Assert.True(status.GetProperty("sendFailures").GetInt64() > 0, "the outages should have made sends fail");
        Assert.Equal(0, status.GetProperty("buffer").GetProperty("deadLetters").GetInt64());
    }
}
