using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Chaos;

/// <summary>
/// <c>simulators/chaos.sh kill9</c> as a process: devices publish while the real gateway is killed with SIGKILL and
/// started again 20 times; every reading that got a PUBACK must then be in InfluxDB exactly once, and the buffer file
/// must pass <c>PRAGMA integrity_check</c>. Uses the outputs tests/run.sh has built (TH_SKIP_BUILD=1).
/// </summary>
public sealed partial class Kill9Tests
{
    /// <summary>20 kills at 0.3–1.5 s of life publish well over 10,000 samples here; far fewer means the run did not really run.</summary>
    private const long MeaningfulAcked = 2000;

    [Fact]
    public async Task ChaosKill9_TwentyKillsWhileDevicesPublish_EveryAcknowledgedReadingStoredOnceAndBufferSound()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var (exitCode, stdout, stderr) = await RunChaosAsync(["kill9", "--cycles", "20"], timeout.Token);
        var report = $"exit code {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}";

        var last = stdout.TrimEnd().Split('\n')[^1];
        var counts = LastLine().Match(last);
        Assert.True(counts.Success, "the last line is not 'acked=N stored=N lost=N duplicates=N'\n" + report);
        var acked = long.Parse(counts.Groups["acked"].Value, CultureInfo.InvariantCulture);
        var stored = long.Parse(counts.Groups["stored"].Value, CultureInfo.InvariantCulture);
        Assert.True(acked >= MeaningfulAcked, $"only {acked} samples were acknowledged\n" + report);
        Assert.Equal("0", counts.Groups["lost"].Value);
        Assert.Equal("0", counts.Groups["duplicates"].Value);
        Assert.Equal(acked, stored);
        Assert.Contains("cycle 20/20:", stdout, StringComparison.Ordinal);
        Assert.Contains("\nintegrity=ok\n", stdout, StringComparison.Ordinal);
        Assert.True(exitCode == 0, report);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunChaosAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "simulators", "chaos.sh"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["TH_SKIP_BUILD"] = "1";
        info.Environment["TH_CONFIGURATION"] = RepoPaths.Configuration;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start bash");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // chaos.sh, its gateway, ingest and influxd
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"chaos.sh did not finish in time\nstdout:\n{await stdout}\nstderr:\n{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    [GeneratedRegex(@"^acked=(?<acked>\d+) stored=(?<stored>\d+) lost=(?<lost>\d+) duplicates=(?<duplicates>\d+)$")]
    private static partial Regex LastLine();
}
