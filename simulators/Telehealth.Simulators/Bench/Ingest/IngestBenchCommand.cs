using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Simulators.Cli;

namespace Telehealth.Simulators.Bench.Ingest;

/// <summary>
/// <c>telehealth-sim bench-ingest</c>: many simulated gateways POST gzip batches (exactly as the gateway's forwarder
/// sends them) to a running ingest that writes to influxd; then, in the same run, the same number of points with the
/// same concurrency and batch size are POSTed as raw line protocol straight to influxd's <c>/write</c>. Points are counted
/// in InfluxDB after each phase. Last line: <c>ingest_points_per_s=A raw_influx_points_per_s=B ratio=A/B p99_batch_ms=C</c>.
/// </summary>
public static class IngestBenchCommand
{
    public static async Task<int> RunAsync(CommandArguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        var ingest = new Uri(args.OptionalString("ingest") ?? throw new UsageException("--ingest URL is required"));
        var influx = new Uri(args.OptionalString("influx") ?? throw new UsageException("--influx URL is required"));
        var database = args.Text("db", "telehealth");
        var gatewaysFile = args.OptionalString("gateways-file") ?? throw new UsageException("--gateways-file is required (lines: id patient secret)");
        var points = args.WholeNumber("points", 1_000_000, 1000, 100_000_000);
        var batch = args.WholeNumber("batch", 2000, 1, 50_000);
        args.EnsureAllUsed();

        var gateways = File.ReadAllLines(gatewaysFile).Where(l => l.Length > 0).Select(l => l.Split(' ')).Select(p => (Id: p[0], Patient: p[1], Secret: p[2])).ToArray();
        if (gateways.Length == 0)
        {
            throw new UsageException("--gateways-file lists no gateway");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var perGateway = points / gateways.Length;
        var start = time.GetUtcNow().ToUnixTimeMilliseconds() - 3_600_000;

        Console.Error.WriteLine($"bench ingest: {gateways.Length} gateways, {perGateway * gateways.Length} points per phase, {batch} readings per batch");
        var latencies = new List<double>();
        var ingestSeconds = await TimeAsync(time, gateways.Select(g => Task.Run(async () =>
        {
            for (var first = 0; first < perGateway; first += batch)
            {
                var readings = Enumerable.Range(first, Math.Min(batch, perGateway - first)).Select(i => new IngestReading(i + 1, "bench-hr", "heart_rate", "/min",
                    start + i, start + i + 5, new Dictionary<string, double> { ["value"] = 60 + (i % 60) })).ToArray();
                var body = Gzip(JsonSerializer.SerializeToUtf8Bytes(new IngestBatch(g.Id, g.Patient, readings), IngestJsonContext.Default.IngestBatch));
                var clock = Stopwatch.StartNew();
                await PostBatchAsync(http, ingest, g, body, cancellationToken);
                lock (latencies)
                {
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }, cancellationToken)));
        var ingested = await CountAsync(http, influx, database, "heart_rate", cancellationToken);

        var rawSeconds = await TimeAsync(time, gateways.Select(g => Task.Run(async () =>
        {
            for (var first = 0; first < perGateway; first += batch)
            {
                var lines = new StringBuilder(batch * 96);
                for (var i = first; i < Math.Min(first + batch, perGateway); i++)
                {
                    lines.Append(CultureInfo.InvariantCulture, $"heart_rate_raw,device=bench-hr,patient={g.Patient} received_ms={start + i + 5}i,value={60 + (i % 60)} {start + i}\n");
                }

                using var content = new StringContent(lines.ToString(), Encoding.UTF8, "text/plain");
                using var response = await http.PostAsync(new Uri(influx, $"/write?db={database}&precision=ms"), content, cancellationToken);
                response.EnsureSuccessStatusCode();
            }
        }, cancellationToken)));
        var raw = await CountAsync(http, influx, database, "heart_rate_raw", cancellationToken);

        var expected = (long)perGateway * gateways.Length;
        if (ingested != expected || raw != expected)
        {
            throw new InvalidOperationException($"InfluxDB holds {ingested} ingested and {raw} raw points; expected {expected} each");
        }

        latencies.Sort();
        var ingestRate = expected / ingestSeconds;
        var rawRate = expected / rawSeconds;
        var p99 = latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(0.99 * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest  {ingestRate,10:0} points/s  ({expected} points through the ingest in {ingestSeconds:0.00} s; {latencies.Count} batches, p50 {latencies[latencies.Count / 2]:0} ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw     {rawRate,10:0} points/s  ({expected} points as line protocol straight to influxd in {rawSeconds:0.00} s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest_points_per_s={ingestRate:0} raw_influx_points_per_s={rawRate:0} ratio={ingestRate / rawRate:0.00} p99_batch_ms={p99:0}"));
        return 0;
    }

    private static async Task PostBatchAsync(HttpClient http, Uri ingest, (string Id, string Patient, string Secret) gateway, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ingest, IngestRoutes.Batches)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", gateway.Secret);
        request.Headers.Add(IngestRoutes.GatewayIdHeader, gateway.Id);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"ingest answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private static byte[] Gzip(byte[] json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return output.ToArray();
    }

    private static async Task<double> TimeAsync(TimeProvider time, IEnumerable<Task> work)
    {
        var started = time.GetTimestamp();
        await Task.WhenAll(work);
        return time.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<long> CountAsync(HttpClient http, Uri influx, string database, string measurement, CancellationToken cancellationToken)
    {
        var query = Uri.EscapeDataString($"SELECT count(\"value\") FROM \"{measurement}\"");
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(influx, $"/query?db={database}&q={query}"), cancellationToken));
        var result = json.RootElement.GetProperty("results")[0];
        return result.TryGetProperty("series", out var series) ? series[0].GetProperty("values")[0][1].GetInt64() : 0;
    }
}
