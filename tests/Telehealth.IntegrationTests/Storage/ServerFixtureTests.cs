using System.Diagnostics;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Storage;

/// <summary>The server fixtures clean up after themselves and say how to install what is missing.</summary>
public sealed class ServerFixtureTests
{
    [Fact]
    public void Locate_MissingExecutable_SaysWhatToInstall()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => ExternalProcess.Locate("telehealth-no-such-server", "influxdb victoria-metrics"));

        Assert.Contains("apt-get install influxdb victoria-metrics", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_RunningInfluxd_KillsTheProcessAndDeletesItsDirectory()
    {
        var server = await InfluxdServer.StartAsync(CancellationToken.None);
        var processIds = ProcessIdsUsing(server.Directory);

        await server.DisposeAsync();

        Assert.Single(processIds);
        Assert.False(Directory.Exists(server.Directory));
        Assert.DoesNotContain(Process.GetProcesses(), p => p.Id == processIds[0] && !p.HasExited && p.ProcessName == "influxd");
    }

    [Fact]
    public async Task DisposeAsync_PausedVictoriaMetrics_KillsTheProcessAndDeletesItsDirectory()
    {
        var server = await VictoriaMetricsServer.StartAsync(CancellationToken.None);
        await server.PauseAsync();

        await server.DisposeAsync();

        Assert.False(server.IsRunning);
        Assert.False(Directory.Exists(server.Directory));
    }

    private static List<int> ProcessIdsUsing(string directory)
    {
        // A server started by the fixture has the temp dir as its working directory.
        var ids = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), out var id))
            {
                try
                {
                    if (new FileInfo(Path.Combine(entry, "cwd")).LinkTarget == directory)
                    {
                        ids.Add(id);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The process ended while we looked, or is not ours.
                }
            }
        }

        return ids;
    }
}
