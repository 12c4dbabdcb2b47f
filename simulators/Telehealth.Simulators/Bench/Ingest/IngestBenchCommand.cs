using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Simulators.Bench.Buffer;
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
    /// <summary>Warm-up rounds at most (each --warm-up-points each way) while the ingest is still compiling.</summary>
    private const int MaxWarmUpRounds = 10;

    public static async Task<int> RunAsync(CommandArguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        var ingest = new Uri(args.OptionalString("ingest") ?? throw new UsageException("--ingest URL is required"));
        var influx = new Uri(args.OptionalString("influx") ?? throw new UsageException("--influx URL is required"));
        var database = args.Text("db", "telehealth");
        var gatewaysFile = args.OptionalString("gateways-file") ?? throw new UsageException("--gateways-file is required (lines: id patient secret)");
        var points = args.WholeNumber("points", 3_000_000, 1000, 100_000_000);
        var batch = args.WholeNumber("batch", 2000, 1, 50_000);
        var warmUp = args.WholeNumber("warm-up-points", 200_000, 0, 100_000_000);
        List<(string Name, int Pid)> processes = [("bench", Environment.ProcessId)];
        var ingestPid = args.WholeNumber("ingest-pid", 0, 0);
        if (ingestPid > 0)
        {
            processes.Add(("ingest", ingestPid));
        }

        if (args.WholeNumber("influxd-pid", 0, 0) is > 0 and var influxdPid)
        {
            processes.Add(("influxd", influxdPid));
        }

        args.EnsureAllUsed();

        var gateways = File.ReadAllLines(gatewaysFile).Where(l => l.Length > 0).Select(l => l.Split(' ')).Select(p => (Id: p[0], Patient: p[1], Secret: p[2])).ToArray();
        if (gateways.Length == 0)
        {
            throw new UsageException("--gateways-file lists no gateway");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var perGateway = points / gateways.Length;
        var start = time.GetUtcNow().ToUnixTimeMilliseconds() - 3_600_000;

        Console.Error.WriteLine($"bench ingest: {gateways.Length} gateways, {perGateway * gateways.Length} points per phase, {batch} readings per batch; load average {LoadAverage()}");

        // A fresh .NET process runs its first seconds on unoptimised (tier-0) code while the JIT re-compiles the hot
        // methods in the background; a service runs warm. Both targets get the same untimed warm-up (other measurements,
        // not counted), in rounds until the ingest's compilation threads stay (almost) idle through a round.
        if (warmUp > 0)
        {
            var jit = ingestPid > 0 ? new JitActivity(ingestPid) : null;
            jit?.SinceLastCall();
            var warmPerGateway = Math.Max(1, warmUp / gateways.Length);
            for (var round = 1; round <= MaxWarmUpRounds; round++)
            {
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(gateways.Select(g => Task.Run(async () =>
                {
                    foreach (var body in IngestBodies(g.Id, g.Patient, warmPerGateway, batch, start, "spo2", "%"))
                    {
                        await PostBatchAsync(http, ingest, g, body, cancellationToken);
                    }

                    foreach (var body in RawBodies(g.Patient, warmPerGateway, batch, start, "warm_up_raw"))
                    {
                        await PostRawAsync(http, influx, database, body, cancellationToken);
                    }
                }, cancellationToken)));
                var compiling = jit?.SinceLastCall() ?? 0;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bench ingest: warm-up round {round}: {warmPerGateway * gateways.Length} points each way in {clock.Elapsed.TotalSeconds:0.0} s; ingest JIT {compiling * 1000:0} ms"));
                if (jit is null || compiling <= 0.02 * clock.Elapsed.TotalSeconds)
                {
                    break;
                }
            }

            Console.Error.WriteLine("bench ingest: warmed up");
        }

        // Both phases' bodies are made before their clocks start: the figures measure the ingest and influxd, not how
        // fast this process can make JSON, gzip or line protocol on the same two cores.
        var ingestBodies = gateways.Select(g => IngestBodies(g.Id, g.Patient, perGateway, batch, start, "heart_rate", "/min")).ToArray();
        CollectGarbage();
        await WaitForQuietAsync(processes, time, cancellationToken);
        var latencies = new List<double>();
        var ingestCpu = new CpuWindow(processes, time);
        var ingestSeconds = await TimeAsync(time, gateways.Select((g, n) => Task.Run(async () =>
        {
            foreach (var body in ingestBodies[n])
            {
                var clock = Stopwatch.StartNew();
                await PostBatchAsync(http, ingest, g, body, cancellationToken);
                lock (latencies)
                {
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }, cancellationToken)));
        var ingestCpuLine = ingestCpu.Describe(perGateway * (long)gateways.Length);
        ingestBodies = null;
        var ingested = await CountAsync(http, influx, database, "heart_rate", cancellationToken);

        var rawBodies = gateways.Select(g => RawBodies(g.Patient, perGateway, batch, start, "heart_rate_raw")).ToArray();
        CollectGarbage();
        await WaitForQuietAsync(processes, time, cancellationToken);
        var rawCpu = new CpuWindow(processes, time);
        var rawSeconds = await TimeAsync(time, gateways.Select((g, n) => Task.Run(async () =>
        {
            foreach (var body in rawBodies[n])
            {
                await PostRawAsync(http, influx, database, body, cancellationToken);
            }
        }, cancellationToken)));
        var rawCpuLine = rawCpu.Describe(perGateway * (long)gateways.Length);
        rawBodies = null;
        var raw = await CountAsync(http, influx, database, "heart_rate_raw", cancellationToken);
        Console.Error.WriteLine($"bench ingest: load average after both phases {LoadAverage()}");

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
        Console.WriteLine("  " + ingestCpuLine.Replace("readings", "points", StringComparison.Ordinal));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw     {rawRate,10:0} points/s  ({expected} points as line protocol straight to influxd in {rawSeconds:0.00} s)"));
        Console.WriteLine("  " + rawCpuLine.Replace("readings", "points", StringComparison.Ordinal));
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
        request.Headers.Add("Prefer", IngestRoutes.PreferMinimal); // as the forwarder asks: only readings not stored are listed
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"ingest answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private static async Task PostRawAsync(HttpClient http, Uri influx, string database, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        using var response = await http.PostAsync(new Uri(influx, $"/write?db={database}&precision=ms"), content, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>One gateway's batches as the forwarder sends them: gzip JSON in the series form, <paramref name="batch"/> single-value readings each.</summary>
    private static List<byte[]> IngestBodies(string gatewayId, string patient, int perGateway, int batch, long start, string metric, string unit)
    {
        var bodies = new List<byte[]>();
        for (var first = 0; first < perGateway; first += batch)
        {
            var readings = Enumerable.Range(first, Math.Min(batch, perGateway - first)).Select(i => new IngestReading(i + 1, "bench-hr", metric, unit,
                start + i, start + i + 5, new Dictionary<string, double> { ["value"] = 60 + (i % 40) })).ToArray();
            bodies.Add(Gzip(JsonSerializer.SerializeToUtf8Bytes(new IngestBatch(gatewayId, patient, [], IngestSeries.Group(readings)), IngestJsonContext.Default.IngestBatch)));
        }

        return bodies;
    }

    /// <summary>The same points as plain line protocol, in the same batches.</summary>
    private static List<byte[]> RawBodies(string patient, int perGateway, int batch, long start, string measurement)
    {
        var bodies = new List<byte[]>();
        for (var first = 0; first < perGateway; first += batch)
        {
            var lines = new StringBuilder(batch * 96);
            for (var i = first; i < Math.Min(first + batch, perGateway); i++)
            {
                lines.Append(CultureInfo.InvariantCulture, $"{measurement},device=bench-hr,patient={patient} received_ms={start + i + 5}i,value={60 + (i % 40)} {start + i}\n");
            }

            bodies.Add(Encoding.UTF8.GetBytes(lines.ToString()));
        }

        return bodies;
    }

    /// <summary>
    /// Waits (at most 20 s) until the ingest and influxd are idle for half a second: influxd snapshots and compacts what
    /// the previous phase wrote in the background, and each phase should start on a quiet machine, not pay for the last.
    /// </summary>
    private static async Task WaitForQuietAsync(List<(string Name, int Pid)> processes, TimeProvider time, CancellationToken cancellationToken)
    {
        var servers = processes.Where(p => p.Name != "bench").Select(p => p.Pid).ToArray();
        var started = time.GetTimestamp();
        double Used() => servers.Sum(pid => ProcessCpu.Seconds(pid) ?? 0);
        var before = Used();
        while (time.GetElapsedTime(started) < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
            var now = Used();
            if (now - before <= 0.025)
            {
                break;
            }

            before = now;
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench ingest: servers quiet after {time.GetElapsedTime(started).TotalSeconds:0.0} s"));
    }

    /// <summary>
    /// Making a phase's bodies leaves this process hundreds of megabytes of garbage; collected now, before the clock
    /// starts, instead of by the GC during the phase, on the cores the ingest and influxd are measured on.
    /// </summary>
    private static void CollectGarbage()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    /// <summary>The machine's 1-minute load average (the machine is shared: a busy one lowers both phases unevenly).</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
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
