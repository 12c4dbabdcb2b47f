using System.Text.Json;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Faults;

/// <summary>
/// A real full disk: the buffer lives on a 3 MiB tmpfs, a third of it taken by a ballast file. When the disk fills,
/// devices are refused (back-pressure) and an alarm raised, the gateway keeps running (no crash loop), nothing committed
/// is lost, and it recovers as forwarding frees space — which, on a disk full to the last byte, needs the disk reserve.
/// Needs root for mount (CI and the dev machines run as root); fails with the reason otherwise.
/// </summary>
public sealed class FullDiskTests
{
    [Fact]
    public async Task DiskFull_RefusesDevices_KeepsRunning_LosesNothing_AndRecoversAsForwardingFreesSpace()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var disk = Directory.CreateTempSubdirectory("th-tmpfs-").FullName;
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", disk);
        try
        {
            var ballast = Path.Combine(disk, "ballast");
            await File.WriteAllBytesAsync(ballast, new byte[1024 * 1024], timeout.Token);
            await using var pipeline = await Fixtures.Pipeline.StartAsync(new Dictionary<string, string>
            {
                ["Buffer__Path"] = Path.Combine(disk, "buffer.db"),
                ["Buffer__ReserveBytes"] = "262144",
            }, cancellationToken: timeout.Token);
            Assert.True(File.Exists(Path.Combine(disk, "buffer.db.reserve")), "the disk reserve is taken at start");
            await pipeline.Ingest.KillAsync();
            var ackLog = Path.Combine(pipeline.Directory, "acked.tsv");

            var devices = pipeline.StartSimulatorAsync(["--devices", "2", "--rate", "0", "--samples-per-message", "20", "--count", "1000",
                "--acked-log", ackLog], timeout.Token);
            await pipeline.WaitForGatewayAsync(s => s.GetProperty("buffer").GetProperty("full").GetBoolean(), "disk full", timeout.Token);
            await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);

            Assert.True(pipeline.Gateway.IsRunning, "the gateway must keep running on a full disk");
            Assert.Contains("ALARM buffer full", pipeline.Gateway.Log, StringComparison.Ordinal);
            Assert.True((await pipeline.GatewayStatusAsync(timeout.Token)).GetProperty("messagesRefused").GetInt64() > 0);

            // Space comes back only through forwarding: the ballast stays. Deleting what was sent needs disk space
            // too (WAL), which the released reserve provides.
            await pipeline.Ingest.StartAsync(timeout.Token);
            await devices;
            Assert.Contains("released the 262144-byte disk reserve", pipeline.Gateway.Log, StringComparison.Ordinal);

            Assert.Equal(40_000, await pipeline.AssertAckedStoredExactlyOnceAsync(ackLog, ["heart_rate"], timeout.Token));
            using var http = new HttpClient();
            using var integrity = JsonDocument.Parse(await http.GetStringAsync(new Uri(pipeline.GatewayUrl, "/status/integrity"), timeout.Token));
            Assert.Equal("ok", integrity.RootElement.GetProperty("result").GetString());
        }
        finally
        {
            await RunAsync("umount", "-l", disk);
            Directory.Delete(disk, recursive: true);
        }
    }

    private static async Task RunAsync(string command, params string[] args)
    {
        var (code, _, stderr) = await ProcessRunner.RunAsync(command, args);
        if (code != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed (this test needs root to mount a tmpfs): {stderr}");
        }
    }
}
