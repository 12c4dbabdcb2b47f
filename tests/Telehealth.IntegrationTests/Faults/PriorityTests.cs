using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Faults;

/// <summary>After an outage the backlog drains in bounded batches while live readings go first.</summary>
public sealed class PriorityTests
{
    [Fact]
    public async Task AfterAnOutage_LiveReadingsArriveBeforeTheBacklogHasDrained_AndAllArrive()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var pipeline = await Fixtures.Pipeline.StartAsync(new Dictionary<string, string>
        {
            ["Forwarder__MaxBatchReadings"] = "200",
            ["Forwarder__MaxLiveReadings"] = "100",
        }, cancellationToken: timeout.Token);
        await pipeline.Ingest.KillAsync();
        var backlogLog = Path.Combine(pipeline.Directory, "backlog.tsv");
        var liveLog = Path.Combine(pipeline.Directory, "live.tsv");

        await pipeline.RunSimulatorAsync(["--devices", "2", "--device-prefix", "old-", "--rate", "0", "--samples-per-message", "50",
            "--count", "300", "--acked-log", backlogLog], timeout.Token);
        await pipeline.RunSimulatorAsync(["--devices", "1", "--device-prefix", "live-", "--kinds", "oximeter", "--rate", "20",
            "--count", "5", "--acked-log", liveLog], timeout.Token);
        await pipeline.Ingest.StartAsync(timeout.Token);

        long backlogWhenLiveLanded = -1;
        for (var i = 0; i < 600 && backlogWhenLiveLanded < 0; i++)
        {
            if (await pipeline.CountAsync("spo2", timeout.Token) == 5)
            {
                backlogWhenLiveLanded = await pipeline.CountAsync("heart_rate", timeout.Token);
            }
            else
            {
                await Task.Delay(50, timeout.Token);
            }
        }

        Assert.InRange(backlogWhenLiveLanded, 0, 29_999);
        Assert.Equal(30_000, await pipeline.AssertAckedStoredExactlyOnceAsync(backlogLog, ["heart_rate"], timeout.Token));
        Assert.Equal(5, await pipeline.AssertAckedStoredExactlyOnceAsync(liveLog, ["spo2"], timeout.Token));
    }
}
