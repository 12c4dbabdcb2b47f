namespace Telehealth.IntegrationTests.Faults;

public sealed class BatchTooLargeTests
{
    [Fact]
    public async Task IngestAnswers413_ForwarderHalvesItsBatches_AndEverythingLands()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var pipeline = await Fixtures.Pipeline.StartAsync(
            ingestSettings: new Dictionary<string, string> { ["Intake__MaxBodyBytes"] = "65536" }, cancellationToken: timeout.Token);
        await pipeline.Ingest.KillAsync();
        var ackLog = Path.Combine(pipeline.Directory, "acked.tsv");
        await pipeline.RunSimulatorAsync(["--devices", "2", "--rate", "0", "--samples-per-message", "50", "--count", "30", "--acked-log", ackLog], timeout.Token);

        await pipeline.Ingest.StartAsync(timeout.Token);

        Assert.Equal(3000, await pipeline.AssertAckedStoredExactlyOnceAsync(ackLog, ["heart_rate"], timeout.Token));
        Assert.Contains("refused a batch as too large (413)", pipeline.Gateway.Log, StringComparison.Ordinal);
    }
}
