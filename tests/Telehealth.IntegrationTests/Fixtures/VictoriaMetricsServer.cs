using System.Globalization;
using System.Net;

namespace Telehealth.IntegrationTests.Fixtures;

/// <summary>
/// A real VictoriaMetrics on a free loopback port with its data in a temp dir: a genuine peer for InfluxDB.Client's
/// <c>/api/v2/write</c> (and v1 <c>/write</c>). It stores each line-protocol field as its own series named
/// <c>measurement_field</c> with the line's tags as labels, and returns samples from <c>/api/v1/export</c>.
/// Its default retention is one month: write recent timestamps. Deduplication is on (one sample per series and
/// millisecond), so replays behave like InfluxDB's overwrite of the same point.
/// </summary>
public sealed class VictoriaMetricsServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _executable;
    private readonly int _port;
    private ExternalProcess? _process;

    private VictoriaMetricsServer(string executable, string directory, int port)
    {
        _executable = executable;
        _port = port;
        Directory = directory;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    /// <summary>The HTTP API, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The temp dir holding the storage.</summary>
    public string Directory { get; }

    /// <summary>True while the server process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The server's recent output, for failure messages.</summary>
    public string Output => _process?.Output ?? "";

    /// <summary>Starts victoria-metrics and waits until <c>/health</c> answers 200.</summary>
    public static async Task<VictoriaMetricsServer> StartAsync(CancellationToken cancellationToken)
    {
        var executable = ExternalProcess.Locate("victoria-metrics", "influxdb victoria-metrics");
        for (var attempt = 1; ; attempt++)
        {
            var directory = System.IO.Directory.CreateTempSubdirectory("telehealth-vm-").FullName;
            var server = new VictoriaMetricsServer(executable, directory, FreePort.Next());
            try
            {
                await server.StartAgainAsync(cancellationToken);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Most likely a port taken between FreePort.Next() and the bind: try another port.
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/>: same port, same data.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("victoria-metrics is already running.");
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _process = ExternalProcess.Start(
            _executable,
            [
                "-storageDataPath", Path.Combine(Directory, "data"),
                "-httpListenAddr", $"127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}",
                "-loggerLevel", "WARN",
                "-dedup.minScrapeInterval", "1ms",
            ],
            Directory);
        await _process.WaitForHttpAsync(new Uri(BaseAddress, "health"), HttpStatusCode.OK, StartTimeout, cancellationToken);
    }

    /// <summary>Freezes the server (SIGSTOP): connections are accepted by the kernel but never answered.</summary>
    public Task PauseAsync() => (_process ?? throw new InvalidOperationException("Not started.")).PauseAsync();

    /// <summary>Lets a paused server answer again (SIGCONT).</summary>
    public Task ResumeAsync() => (_process ?? throw new InvalidOperationException("Not started.")).ResumeAsync();

    /// <summary>Stops the server (SIGTERM, SIGKILL after 10 s).</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Makes everything written so far visible to reads (<c>/internal/force_flush</c>).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(BaseAddress, "internal/force_flush"), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Flushes, then returns <c>/api/v1/export?match[]=<paramref name="seriesSelector"/></c>: one JSON object per line,
    /// <c>{"metric":{"__name__":…,labels…},"values":[…],"timestamps":[ms…]}</c>.
    /// </summary>
    public async Task<string> ExportAsync(string seriesSelector, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        using var http = new HttpClient();
        var url = new Uri(BaseAddress, "api/v1/export?match[]=" + Uri.EscapeDataString(seriesSelector));
        return await http.GetStringAsync(url, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp dir left behind is harmless.
        }
    }
}
