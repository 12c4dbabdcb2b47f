using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Heartbeats;
using Telehealth.Ingest.Storage;
using Telehealth.Ingest.Storage.InfluxQl;

namespace Telehealth.IntegrationTests.Fixtures;

/// <summary>
/// One or more ingest processes sharing one real influxd (started here) and one metadata database (given as
/// settings), each on its own free port, all knowing the same configured gateway. Started together, so several
/// instances migrate the metadata database at the same moment. Disposing stops everything.
/// </summary>
public sealed class IngestInstances : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private readonly List<ServiceProcess> _instances = [];

    private IngestInstances(InfluxdServer influx)
    {
        Influx = influx;
        Secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        Query = new InfluxQlClient(_http, Options.Create(new InfluxOptions { Url = influx.BaseAddress.ToString(), Database = Database }));
    }

    public string GatewayId { get; } = "gw-it-" + Guid.NewGuid().ToString("N")[..8];

    public string PatientId { get; } = "patient-" + Guid.NewGuid().ToString("N")[..8];

    public string Database { get; } = "telehealth";

    /// <summary>The configured gateway's secret (its SHA-256 is in each instance's configuration).</summary>
    public string Secret { get; }

    public InfluxdServer Influx { get; }

    public InfluxQlClient Query { get; }

    public IReadOnlyList<ServiceProcess> Processes => _instances;

    public IReadOnlyList<Uri> Urls { get; private set; } = [];

    /// <summary>Starts influxd and <paramref name="count"/> ingest processes at once; returns when every one answers /healthz.</summary>
    public static async Task<IngestInstances> StartAsync(int count, IReadOnlyDictionary<string, string> metadataSettings, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(metadataSettings);
        var instances = new IngestInstances(await InfluxdServer.StartAsync(cancellationToken));
        try
        {
            await instances.Query.CreateDatabaseAsync(instances.Database, cancellationToken);
            var urls = Enumerable.Range(0, count).Select(_ => new Uri($"http://127.0.0.1:{FreePort.Next()}")).ToList();
            instances.Urls = urls;
            foreach (var (url, index) in urls.Select((u, i) => (u, i)))
            {
                var environment = new Dictionary<string, string>
                {
                    ["Urls"] = url.ToString(),
                    ["Influx__ApiVersion"] = "V1",
                    ["Influx__Url"] = instances.Influx.BaseAddress.ToString(),
                    ["Influx__Database"] = instances.Database,
                    ["Gateways__Known__0__Id"] = instances.GatewayId,
                    ["Gateways__Known__0__PatientId"] = instances.PatientId,
                    ["Gateways__Known__0__SecretSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(instances.Secret))),
                    ["Gateways__Known__0__Devices__0"] = "hr-1",
                };
                foreach (var (key, value) in metadataSettings.Concat(settings ?? new Dictionary<string, string>()))
                {
                    environment[key] = value;
                }

                instances._instances.Add(new ServiceProcess($"ingest-{index}", RepoPaths.IngestDll, environment, new Uri(url, "/healthz")));
            }

            await Task.WhenAll(instances._instances.Select(p => p.StartAsync(cancellationToken)));
            return instances;
        }
        catch
        {
            await instances.DisposeAsync();
            throw;
        }
    }

    /// <summary>A request to instance <paramref name="index"/> carrying the configured gateway's id and secret.</summary>
    public HttpRequestMessage GatewayRequest(int index, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(Urls[index], path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        request.Headers.Add(IngestRoutes.GatewayIdHeader, GatewayId);
        return request;
    }

    /// <summary>POSTs a batch of the configured gateway to instance <paramref name="index"/>.</summary>
    public async Task<HttpResponseMessage> PostBatchAsync(int index, IngestBatch batch, CancellationToken cancellationToken)
    {
        using var request = GatewayRequest(index, HttpMethod.Post, IngestRoutes.Batches, JsonContent.Create(batch, IngestJsonContext.Default.IngestBatch));
        return await _http.SendAsync(request, cancellationToken);
    }

    /// <summary>POSTs a heartbeat of the configured gateway to instance <paramref name="index"/>.</summary>
    public async Task<HttpResponseMessage> PostHeartbeatAsync(int index, GatewayHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        using var request = GatewayRequest(index, HttpMethod.Post, IngestRoutes.Heartbeats, JsonContent.Create(heartbeat, IngestJsonContext.Default.GatewayHeartbeat));
        return await _http.SendAsync(request, cancellationToken);
    }

    /// <summary>A GET to instance <paramref name="index"/> with an optional staff bearer token.</summary>
    public async Task<HttpResponseMessage> GetAsync(int index, string path, string? bearer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Urls[index], path));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await _http.SendAsync(request, cancellationToken);
    }

    /// <summary>A heartbeat of the configured gateway, sent now by the test's clock.</summary>
    public GatewayHeartbeat Heartbeat(long deadLetters = 0, long bufferedReadings = 12)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        return new GatewayHeartbeat(GatewayId, "1.0.0+it", now, bufferedReadings, 4096, now - 2000, deadLetters, false, ["hr-1", "cuff-1"], 15);
    }

    /// <summary>How many points of the configured patient one metric holds in InfluxDB.</summary>
    public async Task<int> CountAsync(string metric, CancellationToken cancellationToken)
    {
        var result = await Query.QueryAsync(Database,
            $"SELECT * FROM {InfluxQlClient.QuoteIdentifier(metric)} WHERE patient = {InfluxQlClient.QuoteLiteral(PatientId)}", cancellationToken);
        return result.Series.Sum(s => s.Values.Count);
    }

    /// <summary>Every instance's output, for assertion messages.</summary>
    public string Logs => string.Join("\n", _instances.Select(p => $"--- {p.Name}\n{(p.Log.Length <= 6000 ? p.Log : p.Log[^6000..])}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await Influx.DisposeAsync();
        _http.Dispose();
    }
}
