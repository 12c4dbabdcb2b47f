using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Sensors;

/// <summary>
/// The demo gateway host (simulators/Telehealth.GatewayDemo: the gateway's composition with simulated I2C/GPIO buses)
/// as a real process, wired to a <see cref="Fixtures.Pipeline"/> started without its own gateway (same id, patient, secret and
/// ports the pipeline's gateway would have).
/// </summary>
public sealed class DemoGateway : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Fixtures.Pipeline _pipeline;

    private DemoGateway(Fixtures.Pipeline pipeline, ServiceProcess process)
    {
        _pipeline = pipeline;
        Process = process;
    }

    public ServiceProcess Process { get; }

    public static string Dll
    {
        get
        {
            var path = Path.Combine(RepoPaths.Root, "simulators", "Telehealth.GatewayDemo", "bin", RepoPaths.Configuration, "net10.0", "telehealth-gateway-demo.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("the demo gateway is not built; run dotnet build Telehealth.sln", path);
        }
    }

    /// <summary>Starts the demo gateway with <paramref name="settings"/> (registry, scenario) on top of the pipeline's.</summary>
    public static async Task<DemoGateway> StartAsync(Fixtures.Pipeline pipeline, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(settings);
        Directory.CreateDirectory(Path.GetDirectoryName(pipeline.BufferPath)!);
        var environment = new Dictionary<string, string>
        {
            ["Urls"] = pipeline.GatewayUrl.ToString(),
            ["Gateway__Id"] = pipeline.GatewayId,
            ["Gateway__PatientId"] = pipeline.PatientId,
            ["Mqtt__Port"] = pipeline.MqttPort.ToString(CultureInfo.InvariantCulture),
            ["Buffer__Path"] = pipeline.BufferPath,
            ["Forwarder__IngestUrl"] = pipeline.IngestUrl.ToString(),
            ["Forwarder__Secret"] = pipeline.Secret,
            ["Forwarder__RetryPauseSeconds"] = "0.2",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var process = new ServiceProcess("demo-gateway", Dll, environment, new Uri(pipeline.GatewayUrl, "/status"));
        var gateway = new DemoGateway(pipeline, process);
        try
        {
            await process.StartAsync(cancellationToken);
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        return gateway;
    }

    public async Task<JsonElement> StatusAsync(CancellationToken cancellationToken)
        => await _http.GetFromJsonAsync<JsonElement>(new Uri(_pipeline.GatewayUrl, "/status"), cancellationToken);

    /// <summary>One wired device's entry in /status adapters.sensors.devices.</summary>
    public static JsonElement Device(JsonElement status, string id)
        => status.GetProperty("adapters").GetProperty("sensors").GetProperty("devices").EnumerateArray()
            .Single(d => d.GetProperty("id").GetString() == id);

    /// <summary>Polls /status until <paramref name="condition"/> holds (<paramref name="seconds"/> at most); returns that status.</summary>
    public async Task<JsonElement> WaitForStatusAsync(Func<JsonElement, bool> condition, string what, CancellationToken cancellationToken, int seconds = 90)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var status = await StatusAsync(cancellationToken);
            if (condition(status))
            {
                return status;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"demo gateway never reached: {what}\n{Process.Log}");
    }

    /// <summary>Polls InfluxDB until every metric in <paramref name="metrics"/> has a point; returns them all.</summary>
    public async Task<IReadOnlyList<StoredPoint>> WaitForPointsAsync(IReadOnlyList<string> metrics, CancellationToken cancellationToken, int seconds = 90)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<StoredPoint> points = [];
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            points = await _pipeline.ReadPointsAsync(metrics, cancellationToken);
            if (metrics.All(m => points.Any(p => p.Metric == m)))
            {
                return points;
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException(
            $"InfluxDB never had all of {string.Join(", ", metrics)}; got {string.Join(", ", points.Select(p => p.Metric).Distinct())}\n{Process.Log}");
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        _http.Dispose();
    }
}
