using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Contracts.Metrics;
using Telehealth.Ingest.Storage;
using Telehealth.Ingest.Storage.InfluxQl;

namespace Telehealth.IntegrationTests.Fixtures;

/// <summary>
/// The whole real pipeline on loopback: influxd 1.x, our ingest and our gateway as processes on free ports, each in
/// a temp dir; the simulator runs as a process too. Disposing stops everything and deletes the temp dirs.
/// </summary>
public sealed class Pipeline : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    private Pipeline(InfluxdServer influx, string directory)
    {
        Influx = influx;
        Directory = directory;
        Secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        MqttPort = FreePort.Next();
        IngestUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        GatewayUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        Query = new InfluxQlClient(_http, Options.Create(new InfluxOptions { Url = influx.BaseAddress.ToString(), Database = Database }));
    }

    /// <summary>In an ingest setting's value, replaced by <see cref="IngestUrl"/> (e.g. for Kestrel:Endpoints, which override Urls).</summary>
    public const string IngestUrlPlaceholder = "{IngestUrl}";

    public string GatewayId { get; } = "gw-it-" + Guid.NewGuid().ToString("N")[..8];

    public string PatientId { get; } = "patient-" + Guid.NewGuid().ToString("N")[..8];

    public string Database { get; } = "telehealth";

    public string Secret { get; }

    /// <summary>
    /// Devices enrolled on the gateway: the simulator's <c>sim-</c>, <c>old-</c> and <c>live-</c> devices 1–10. Each logs in
    /// with <see cref="PasswordOf"/>; the simulator gets <c>--password-prefix</c>.
    /// </summary>
    public static IReadOnlyList<string> EnrolledDevices { get; } =
        [.. new[] { "sim-", "old-", "live-" }.SelectMany(p => Enumerable.Range(1, 10).Select(i => p + i.ToString(CultureInfo.InvariantCulture)))];

    /// <summary>
    /// Devices enrolled on the ingest's seed gateway: <see cref="EnrolledDevices"/>, the ids the API tests post
    /// directly (<c>hr</c>, <c>cuff</c>, <c>d</c>), and the wired and BLE devices of the sensor and BLE tests.
    /// Readings from any other device are refused with 403.
    /// </summary>
    public static IReadOnlyList<string> IngestDevices { get; } =
    [
        .. EnrolledDevices, "hr", "cuff", "d",
        "knee-imu", "knee-imu-left", "forehead-ir", "finger-ox", "grip-left", "grip-right", "session-button", "session-led", "buzzer", "scale-1",
    ];

    /// <summary>This run's device password prefix: a device's password is the prefix + its id.</summary>
    public string DevicePasswordPrefix { get; } = "pw-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + "-";

    /// <summary>The password of an enrolled device.</summary>
    public string PasswordOf(string deviceId) => DevicePasswordPrefix + deviceId;

    public string Directory { get; }

    public InfluxdServer Influx { get; }

    public InfluxQlClient Query { get; }

    public int MqttPort { get; }

    public Uri IngestUrl { get; }

    public Uri GatewayUrl { get; }

    public string BufferPath => Path.Combine(Directory, "gateway", "buffer.db");

    public ServiceProcess Ingest { get; private set; } = null!;

    public ServiceProcess Gateway { get; private set; } = null!;

    public static async Task<Pipeline> StartAsync(
        IReadOnlyDictionary<string, string>? gatewaySettings = null,
        bool withGateway = true,
        IReadOnlyDictionary<string, string>? ingestSettings = null,
        CancellationToken cancellationToken = default)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("th-pipeline-").FullName;
        var influx = await InfluxdServer.StartAsync(cancellationToken);
        var pipeline = new Pipeline(influx, directory);
        try
        {
            await pipeline.Query.CreateDatabaseAsync(pipeline.Database, cancellationToken);
            pipeline.Ingest = new ServiceProcess("ingest", RepoPaths.IngestDll, new Dictionary<string, string>
            {
                ["Urls"] = pipeline.IngestUrl.ToString(),
                ["Influx__ApiVersion"] = "V1",
                ["Influx__Url"] = influx.BaseAddress.ToString(),
                ["Influx__Database"] = pipeline.Database,
                ["Metadata__ConnectionString"] = $"Data Source={Path.Combine(directory, "metadata.db")}",
                ["Gateways__Known__0__Id"] = pipeline.GatewayId,
                ["Gateways__Known__0__PatientId"] = pipeline.PatientId,
                ["Gateways__Known__0__SecretSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(pipeline.Secret))),
            }.Concat(IngestDevices.Select((d, i) => KeyValuePair.Create($"Gateways__Known__0__Devices__{i.ToString(CultureInfo.InvariantCulture)}", d)))
                .Concat((ingestSettings ?? new Dictionary<string, string>()).Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Replace(IngestUrlPlaceholder, pipeline.IngestUrl.ToString(), StringComparison.Ordinal))))
                .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value),
                new Uri(pipeline.IngestUrl, "/healthz"));
            await pipeline.Ingest.StartAsync(cancellationToken);
            if (!withGateway)
            {
                return pipeline;
            }

            await pipeline.StartGatewayAsync(gatewaySettings, cancellationToken);
            return pipeline;
        }
        catch
        {
            await pipeline.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the gateway process (when <see cref="StartAsync"/> ran with <c>withGateway: false</c>), with the default
    /// settings overridden by <paramref name="gatewaySettings"/>.
    /// </summary>
    public async Task StartGatewayAsync(IReadOnlyDictionary<string, string>? gatewaySettings, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(BufferPath)!);
        var gateway = new Dictionary<string, string>
        {
            ["Urls"] = GatewayUrl.ToString(),
            ["Gateway__Id"] = GatewayId,
            ["Gateway__PatientId"] = PatientId,
            ["Mqtt__Port"] = MqttPort.ToString(CultureInfo.InvariantCulture),
            ["Buffer__Path"] = BufferPath,
            ["Forwarder__IngestUrl"] = IngestUrl.ToString(),
            ["Forwarder__Secret"] = Secret,
            ["Forwarder__RetryPauseSeconds"] = "0.2",
        };
        for (var i = 0; i < EnrolledDevices.Count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            gateway[$"Devices__Mqtt__{n}__Id"] = EnrolledDevices[i];
            gateway[$"Devices__Mqtt__{n}__PasswordSha256"] =
                Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PasswordOf(EnrolledDevices[i]))));
        }

        foreach (var (key, value) in gatewaySettings ?? new Dictionary<string, string>())
        {
            gateway[key] = value;
        }

        Gateway = new ServiceProcess("gateway", RepoPaths.GatewayDll, gateway, new Uri(GatewayUrl, "/status"));
        await Gateway.StartAsync(cancellationToken);
    }

    /// <summary>Runs <c>telehealth-sim</c> against the gateway's broker; returns its last stdout line.</summary>
    public async Task<string> RunSimulatorAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(RepoPaths.SimulatorDll);
        info.ArgumentList.Add("wearables");
        info.ArgumentList.Add("--broker");
        info.ArgumentList.Add($"127.0.0.1:{MqttPort}");
        info.ArgumentList.Add("--password-prefix");
        info.ArgumentList.Add(DevicePasswordPrefix);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true); // a cancelled or failed test leaves no simulator behind
            }
        }

        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"simulator exited {process.ExitCode}: {output} {await stderr}");
        }

        return output.TrimEnd().Split('\n')[^1];
    }

    /// <summary>Every point of this pipeline's patient in the given metrics, read back with InfluxQL.</summary>
    public async Task<IReadOnlyList<StoredPoint>> ReadPointsAsync(IEnumerable<string> metrics, CancellationToken cancellationToken)
    {
        var points = new List<StoredPoint>();
        foreach (var metric in metrics)
        {
            var definition = MetricCatalog.TryGet(metric, out var d) ? d : throw new ArgumentException("unknown metric " + metric);
            var result = await Query.QueryAsync(Database,
                $"SELECT * FROM {InfluxQlClient.QuoteIdentifier(metric)} WHERE patient = {InfluxQlClient.QuoteLiteral(PatientId)}", cancellationToken);
            foreach (var series in result.Series)
            {
                for (var row = 0; row < series.Values.Count; row++)
                {
                    var values = new Dictionary<string, double>(StringComparer.Ordinal);
                    foreach (var component in definition.Components)
                    {
                        if (series.ColumnIndex(component.Name) >= 0 && series.GetDouble(row, component.Name) is { } value)
                        {
                            values[component.Name] = value;
                        }
                    }

                    points.Add(new StoredPoint(metric, series.GetString(row, "device")!, series.GetString(row, "patient")!,
                        series.GetInt64(row, "time")!.Value, series.GetInt64(row, "received_ms"), values));
                }
            }
        }

        return points;
    }

    /// <summary>Runs the simulator in the background (start it, do harm, then await it).</summary>
    public Task<string> StartSimulatorAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
        => Task.Run(() => RunSimulatorAsync(arguments, cancellationToken), cancellationToken);

    /// <summary>The gateway's status page.</summary>
    public async Task<System.Text.Json.JsonElement> GatewayStatusAsync(CancellationToken cancellationToken)
        => await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(_http, new Uri(GatewayUrl, "/status"), cancellationToken);

    /// <summary>Polls until the gateway's status satisfies <paramref name="condition"/> (60 s at most).</summary>
    public async Task WaitForGatewayAsync(Func<System.Text.Json.JsonElement, bool> condition, string what, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (condition(await GatewayStatusAsync(cancellationToken)))
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"gateway never reached: {what}\n{Gateway.Log}");
    }

    /// <summary>
    /// Waits until every sample in <paramref name="ackLog"/> is in InfluxDB, then asserts each is there exactly once with
    /// its values and device time (point keys are unique), and that at most <paramref name="unacknowledgedInFlight"/>
    /// other points exist: samples committed whose PUBACK the device never saw because the simulator stopped
    /// (a --duration run cancels the messages in flight). Returns the acknowledged count.
    /// </summary>
    public async Task<int> AssertAckedStoredExactlyOnceAsync(string ackLog, IReadOnlyList<string> metrics, CancellationToken cancellationToken, int unacknowledgedInFlight = 0)
    {
        var acked = AckedReading.ReadLog(ackLog);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<StoredPoint> stored = [];
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            stored = await ReadPointsAsync(metrics, cancellationToken);
            if (stored.Count >= acked.Count)
            {
                break;
            }

            await Task.Delay(200, cancellationToken);
        }

        await Task.Delay(300, cancellationToken);
        stored = await ReadPointsAsync(metrics, cancellationToken);
        var byKey = stored.ToDictionary(p => (p.Metric, p.Device, p.TimeMs));
        var missing = acked.Where(a => !byKey.TryGetValue((a.Metric, a.Device, a.TimeMs), out var p) || !a.Values.SequenceEqual(p.Values)).ToList();
        if (missing.Count > 0 || stored.Count < acked.Count || stored.Count > acked.Count + unacknowledgedInFlight)
        {
            throw new Xunit.Sdk.XunitException(
                $"acked={acked.Count} stored={stored.Count} missing-or-different={missing.Count}\nGateway log:\n{Tail(Gateway.Log)}\nIngest log:\n{Tail(Ingest.Log)}");
        }

        return acked.Count;
    }

    private static string Tail(string log) => log.Length <= 6000 ? log : log[^6000..];

    /// <summary>Counts this patient's points in one metric.</summary>
    public async Task<long> CountAsync(string metric, CancellationToken cancellationToken)
        => (await ReadPointsAsync([metric], cancellationToken)).Count;

    public async ValueTask DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        if (Ingest is not null)
        {
            await Ingest.DisposeAsync();
        }

        await Influx.DisposeAsync();
        _http.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a process may still hold a file for a moment; the OS temp cleaner takes the rest
        }
    }
}
