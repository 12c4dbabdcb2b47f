using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Telehealth.IntegrationTests.Fixtures;

/// <summary>
/// A real PostgreSQL (Debian <c>postgresql</c>) created with <c>initdb</c> in a temp dir and started with
/// <c>pg_ctl</c> on a free loopback port (socket in the temp dir, trust auth on loopback only). As root the server
/// runs as the <c>postgres</c> user (PostgreSQL refuses root). One server serves the whole test run
/// (<see cref="SharedAsync"/>); each test takes its own fresh database (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim SharedLock = new(1, 1);
    private static PostgresServer? _shared;
    private readonly string _binDirectory;
    private readonly bool _asPostgresUser;

    private PostgresServer(string binDirectory, string directory, int port, bool asPostgresUser)
    {
        _binDirectory = binDirectory;
        Directory = directory;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public string Directory { get; }

    public int Port { get; }

    /// <summary>A connection string for <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database)
        => $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Database={database};Username=postgres;Pooling=true;Timeout=15";

    /// <summary>The one server of this test run, started on first use and stopped when the test process exits.</summary>
    public static async Task<PostgresServer> SharedAsync(CancellationToken cancellationToken)
    {
        await SharedLock.WaitAsync(cancellationToken);
        try
        {
            if (_shared is null)
            {
                _shared = await StartAsync(cancellationToken);
                var server = _shared;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopNow();
            }

            return _shared;
        }
        finally
        {
            SharedLock.Release();
        }
    }

    /// <summary>Starts a server of its own (for tests that stop and start it).</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var binDirectory = LocateBin();
        var asPostgresUser = Environment.UserName == "root";
        for (var attempt = 1; ; attempt++)
        {
            var directory = System.IO.Directory.CreateTempSubdirectory("telehealth-postgres-").FullName;
            var server = new PostgresServer(binDirectory, directory, FreePort.Next(), asPostgresUser);
            try
            {
                await server.InitAsync(cancellationToken);
                await server.StartAgainAsync(cancellationToken);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Creates a new empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>Starts the server (again, after <see cref="StopAsync"/>) and waits until it accepts connections.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        var options = $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {Directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200";
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(Directory, "server.log"), "-o", options, "-w", "-t", "60", "start"], cancellationToken);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>Stops the server (fast shutdown); the data stays for <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
        => RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], cancellationToken);

    public async ValueTask DisposeAsync()
    {
        StopNow();
        await Task.Yield();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string DataDirectory => Path.Combine(Directory, "data");

    private async Task InitAsync(CancellationToken cancellationToken)
    {
        if (_asPostgresUser)
        {
            await ProcessRunner.RunAsync("chown", "-R", "postgres:postgres", Directory);
        }

        await RunAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"], cancellationToken);
    }

    private void StopNow()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            var psi = _asPostgresUser
                ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", Path.Combine(_binDirectory, "pg_ctl"), "-D", DataDirectory, "-m", "immediate", "stop"])
                : new ProcessStartInfo(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "stop"]);
            psi.RedirectStandardOutput = true;
            psi.RedirectStandardError = true;
            using var process = Process.Start(psi);
            process?.WaitForExit(10_000);
        }
    }

    private async Task RunAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(_binDirectory, tool);
        cancellationToken.ThrowIfCancellationRequested();
        var result = _asPostgresUser
            ? await ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", executable, .. arguments])
            : await ProcessRunner.RunAsync(executable, arguments);
        if (result.Code != 0)
        {
            var log = Path.Combine(Directory, "server.log");
            throw new InvalidOperationException($"{tool} failed ({result.Code}): {result.Stdout}\n{result.Stderr}\n{(File.Exists(log) ? File.ReadAllText(log) : "")}");
        }
    }

    private static string LocateBin()
    {
        var root = "/usr/lib/postgresql";
        var versions = System.IO.Directory.Exists(root) ? System.IO.Directory.GetDirectories(root).Order(StringComparer.Ordinal).ToArray() : [];
        foreach (var version in versions.Reverse())
        {
            if (File.Exists(Path.Combine(version, "bin", "initdb")))
            {
                return Path.Combine(version, "bin");
            }
        }

        throw new InvalidOperationException("PostgreSQL is not installed: apt-get install postgresql (tests/run.sh installs it).");
    }
}
