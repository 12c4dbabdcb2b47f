using System.Globalization;
using System.Net;

namespace Telehealth.IntegrationTests.Fixtures;

/// <summary>
/// A real InfluxDB 1.x (<c>influxd</c>) on free loopback ports with its meta, data and WAL in a temp dir: auth,
/// reporting, monitoring, continuous queries and logs off. Stop and start it again (same port, same data) to make
/// outages; dispose to kill it and delete the temp dir.
/// </summary>
public sealed class InfluxdServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _executable;
    private readonly string _configPath;
    private ExternalProcess? _process;

    private InfluxdServer(string executable, string directory, int httpPort, int rpcPort)
    {
        _executable = executable;
        Directory = directory;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}/");
        _configPath = Path.Combine(directory, "influxdb.conf");
        File.WriteAllText(_configPath, Config(directory, httpPort, rpcPort));
    }

    /// <summary>The HTTP API, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The temp dir holding the config, meta, data and WAL.</summary>
    public string Directory { get; }

    /// <summary>True while the server process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts influxd and waits until <c>/ping</c> answers 204.</summary>
    public static async Task<InfluxdServer> StartAsync(CancellationToken cancellationToken)
    {
        var executable = ExternalProcess.Locate("influxd", "influxdb victoria-metrics");
        for (var attempt = 1; ; attempt++)
        {
            var directory = System.IO.Directory.CreateTempSubdirectory("telehealth-influxd-").FullName;
            var server = new InfluxdServer(executable, directory, FreePort.Next(), FreePort.Next());
            try
            {
                await server.StartAgainAsync(cancellationToken);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Most likely a port taken between FreePort.Next() and the bind: try other ports.
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/>: same ports, same data.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("influxd is already running.");
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _process = ExternalProcess.Start(_executable, ["-config", _configPath], Directory);
        await _process.WaitForHttpAsync(new Uri(BaseAddress, "ping"), HttpStatusCode.NoContent, StartTimeout, cancellationToken);
    }

    /// <summary>Freezes the server (SIGSTOP): connections are accepted by the kernel but never answered.</summary>
    public Task PauseAsync() => (_process ?? throw new InvalidOperationException("Not started.")).PauseAsync();

    /// <summary>Lets a paused server answer again (SIGCONT).</summary>
    public Task ResumeAsync() => (_process ?? throw new InvalidOperationException("Not started.")).ResumeAsync();

    /// <summary>Stops the server (SIGTERM, SIGKILL after 10 s); the port then refuses connections.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>The server's recent output, for failure messages.</summary>
    public string Output => _process?.Output ?? "";

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

    private static string Config(string directory, int httpPort, int rpcPort) => $"""
        reporting-disabled = true
        bind-address = "127.0.0.1:{rpcPort}"

        [meta]
          dir = "{Path.Combine(directory, "meta")}"
          logging-enabled = false

        [data]
          dir = "{Path.Combine(directory, "data")}"
          wal-dir = "{Path.Combine(directory, "wal")}"
          query-log-enabled = false
          trace-logging-enabled = false

        [http]
          enabled = true
          bind-address = "127.0.0.1:{httpPort}"
          auth-enabled = false
          log-enabled = false
          write-tracing = false
          pprof-enabled = false

        [logging]
          level = "warn"

        [monitor]
          store-enabled = false

        [continuous_queries]
          enabled = false

        [subscriber]
          enabled = false
        """;
}
