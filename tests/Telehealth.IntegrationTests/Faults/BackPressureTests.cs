using System.Text.RegularExpressions;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Faults;

/// <summary>The buffer's byte budget reached while the ingest is down: devices are refused, nothing is overwritten, it recovers.</summary>
public sealed partial class BackPressureTests
{
    [Theory]
    [InlineData("5")]
    [InlineData("3.1.1")]
    public async Task BudgetReached_DevicesAreRefused_AlarmRaised_NothingLost_AndItRecovers(string protocol)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var pipeline = await Fixtures.Pipeline.StartAsync(new Dictionary<string, string>
        {
            ["Buffer__MaxBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, cancellationToken: timeout.Token);
        await pipeline.Ingest.KillAsync();
        var ackLog = Path.Combine(pipeline.Directory, "acked.tsv");

        var devices = pipeline.StartSimulatorAsync(["--devices", "2", "--rate", "0", "--samples-per-message", "20", "--count", "600",
            "--protocol", protocol, "--acked-log", ackLog], timeout.Token);
        // The full flag is raised by the commit that failed; the refusal of that commit's messages is counted a moment later.
        await pipeline.WaitForGatewayAsync(
            s => s.GetProperty("buffer").GetProperty("full").GetBoolean() && s.GetProperty("messagesRefused").GetInt64() > 0,
            "buffer full and messages refused", timeout.Token);
        Assert.Contains("ALARM buffer full", pipeline.Gateway.Log, StringComparison.Ordinal);
        Assert.True(pipeline.Gateway.IsRunning, "the gateway must keep running when its buffer is full");

        await pipeline.Ingest.StartAsync(timeout.Token);
        var summary = await devices;

        Assert.Equal(24_000, await pipeline.AssertAckedStoredExactlyOnceAsync(ackLog, ["heart_rate"], timeout.Token));
        var refused = long.Parse(Summary().Match(summary).Groups["refused"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var errors = long.Parse(Summary().Match(summary).Groups["errors"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (protocol == "5")
        {
            Assert.True(refused > 0, "MQTT 5 devices should have been told Quota exceeded: " + summary);
        }
        else
        {
            Assert.True(errors > 0 && refused == 0, "MQTT 3.1.1 devices should have had their connection closed: " + summary);
        }

        Assert.False((await pipeline.GatewayStatusAsync(timeout.Token)).GetProperty("buffer").GetProperty("full").GetBoolean());
        Assert.Contains("Buffer has space again", pipeline.Gateway.Log, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"refused=(?<refused>\d+) errors=(?<errors>\d+)")]
    private static partial Regex Summary();
}
