using System.Globalization;
using Telehealth.Simulators.Cli;
using Telehealth.Simulators.Wearables;

namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>
/// <c>telehealth-sim bench-buffer</c> (run through <c>simulators/bench.sh buffer</c>, which starts influxd and the
/// ingest): the gateway's buffer against its ceilings, every figure measured in this run. Last line:
/// <c>durable_per_s=A broker_ceiling_per_s=B ratio_broker=A/B batched_per_s=C sqlite_ceiling_per_s=D ratio_sqlite=C/D drain_per_s=E rss_mb=F</c>.
/// </summary>
public static class BufferBenchCommand
{
    public static async Task<int> RunAsync(CommandArguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        var launch = new GatewayLaunch(
            args.OptionalString("gateway") ?? throw new UsageException("--gateway PATH (Telehealth.Gateway.dll) is required"),
            new Uri(args.OptionalString("ingest") ?? throw new UsageException("--ingest URL is required")),
            args.OptionalString("secret-file") ?? throw new UsageException("--secret-file FILE is required"),
            args.Text("gateway-id", "gw-1"),
            args.OptionalString("patient") ?? throw new UsageException("--patient ID is required"),
            args.OptionalString("work") ?? throw new UsageException("--work DIR is required"),
            ParseEnvironment(args.Text("gateway-env", "")));
        var unit = args.OptionalString("gateway-unit");
        var influx = new Uri(args.OptionalString("influx") ?? throw new UsageException("--influx URL is required"));
        var database = args.Text("db", "telehealth");
        var devices = args.WholeNumber("devices", 50, 1, 1000);
        var batch = args.WholeNumber("samples-per-message", 10, 2, 1000);
        var warmUp = args.Duration("warm-up") ?? TimeSpan.FromSeconds(3);
        var window = args.Duration("window") ?? TimeSpan.FromSeconds(10);
        var sqliteRows = args.WholeNumber("sqlite-rows-per-transaction", 100, 1, 100_000);
        var sqliteWindow = args.Duration("sqlite-window") ?? TimeSpan.FromSeconds(5);
        var backlog = args.WholeNumber("backlog", 1_000_000, 1, 100_000_000);
        var fillBatch = args.WholeNumber("fill-samples-per-message", 100, 1, 1000);
        var liveDevices = args.WholeNumber("live-devices", 50, 1, 1000);
        var liveRate = args.Number("live-rate", 1, 0.01, 1000);
        List<(string Name, int Pid)> cloud = [];
        if (args.WholeNumber("ingest-pid", 0, 0) is > 0 and var ingestPid)
        {
            cloud.Add(("ingest", ingestPid));
        }

        if (args.WholeNumber("influxd-pid", 0, 0) is > 0 and var influxdPid)
        {
            cloud.Add(("influxd", influxdPid));
        }
        args.EnsureAllUsed();
        if (backlog % (devices * fillBatch) != 0)
        {
            throw new UsageException($"--backlog must be a multiple of devices × fill-samples-per-message ({devices * fillBatch})");
        }

        var passwords = DevicePasswords.RandomPerDevice();
        launch = launch with
        {
            DeployedEnvironment = unit is null ? [] : DeployedRuntimeEnvironment.FromUnit(unit),
            Passwords = passwords,
            Enrolment = [.. passwords.EnrolmentEnvironment(
                new[] { ("bench-", devices), ("batch-", devices), ("fill-", devices), ("live-", liveDevices) }
                    .SelectMany(p => Enumerable.Range(1, p.Item2).Select(i => p.Item1 + i.ToString(CultureInfo.InvariantCulture))))],
        };
        Directory.CreateDirectory(launch.WorkDirectory);
        using var http = new HttpClient();
        var rssKiB = 0L;
        List<string> rssByGateway = [];
        Console.WriteLine(unit is null
            ? "gateway runtime environment: bare (no --gateway-unit: none of the systemd unit's DOTNET_*/MALLOC_* settings)"
            : $"gateway runtime environment from {unit}: {Describe(launch.DeployedEnvironment)}");
        if (launch.ExtraEnvironment.Count > 0)
        {
            Console.WriteLine("gateway environment added: " + Describe(launch.ExtraEnvironment));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench buffer: {Environment.ProcessorCount} cores, {devices} devices (MQTT 5, QoS 1, each waits for its PUBACK), warm-up {warmUp.TotalSeconds:0}s, window {window.TotalSeconds:0}s"));

        // B right before A, D right after C: each ratio compares figures measured moments apart (the machine is shared)
        // B: no-op broker in this process
        RateMeasurement broker;
        await using (var noOp = await NoOpBroker.StartAsync())
        {
            var load = new PublishLoad(noOp.Port, "bench-", DeviceKind.Wearable, devices, 1, 0, null, time);
            broker = await load.MeasureAsync(warmUp, window, [("sim (broker + devices)", Environment.ProcessId)], cancellationToken);
        }

        BufferBenchReport.Line($"B broker_ceiling   {broker.PerSecond,10:0} readings/s  MQTTnet broker in-process, no-op InterceptingPublishAsync, 1 reading/message ({broker.Count} in {broker.Seconds:0.0}s)");
        BufferBenchReport.Line($"                   {broker.Cpu}");

        // A and C: the real gateway, forwarder off, synchronous=FULL
        RateMeasurement durable, batched;
        var gateway = await GatewayProcess.StartAsync(launch, "gateway-durable", Path.Combine(launch.WorkDirectory, "durable.db"), forwarding: false, http, time, cancellationToken);
        using (gateway)
        {
            try
            {
                List<(string, int)> processes = [("gateway", gateway.Pid), ("sim devices", Environment.ProcessId)];
                durable = await new PublishLoad(gateway.MqttPort, "bench-", DeviceKind.Wearable, devices, 1, 0, null, time) { Passwords = launch.Passwords }.MeasureAsync(warmUp, window, processes, cancellationToken);
                batched = await new PublishLoad(gateway.MqttPort, "batch-", DeviceKind.Wearable, devices, batch, 0, null, time) { Passwords = launch.Passwords }.MeasureAsync(warmUp, window, processes, cancellationToken);
            }
            finally
            {
                await gateway.StopAsync();
            }

            rssKiB = Math.Max(rssKiB, gateway.PeakRssKiB());
            rssByGateway.Add("durable/batched gateway: " + gateway.LargestMemorySample?.Describe());
        }

        BufferBenchReport.Line($"A durable          {durable.PerSecond,10:0} readings/s  real gateway process, forwarder off, synchronous=FULL, 1 reading/message ({durable.Count} in {durable.Seconds:0.0}s)");
        BufferBenchReport.Line($"                   {durable.Cpu}");
        BufferBenchReport.Line($"C batched          {batched.PerSecond,10:0} readings/s  same gateway, {batch} readings/message ({batched.Count} in {batched.Seconds:0.0}s)");
        BufferBenchReport.Line($"                   {batched.Cpu}");

        // D: bare SQLite, on the same disk as the gateways' buffers
        var sqlite = SqliteInsertCeiling.Run(Path.Combine(launch.WorkDirectory, "sqlite-ceiling.db"), sqliteRows, sqliteWindow, time);
        BufferBenchReport.Line($"D sqlite_ceiling   {sqlite.PerSecond,10:0} rows/s      bare INSERTs, readings-shaped table, WAL, synchronous=FULL, {sqliteRows} rows/transaction ({sqlite.Count} rows in {sqlite.Seconds:0.0}s)");

        // E: fill a backlog through a gateway's broker (forwarder off), then drain it with forwarding on
        var drainBuffer = Path.Combine(launch.WorkDirectory, "backlog.db");
        RateMeasurement fill;
        gateway = await GatewayProcess.StartAsync(launch, "gateway-fill", drainBuffer, forwarding: false, http, time, cancellationToken);
        using (gateway)
        {
            try
            {
                var started = time.GetTimestamp();
                var load = new PublishLoad(gateway.MqttPort, "fill-", DeviceKind.Wearable, devices, fillBatch, 0, backlog / (devices * fillBatch), time) { Passwords = launch.Passwords };
                await load.RunAsync(cancellationToken);
                fill = new RateMeasurement(load.Stats.Acked, time.GetElapsedTime(started).TotalSeconds);
                var buffered = await gateway.BufferedReadingsAsync(cancellationToken);
                if (buffered != backlog)
                {
                    throw new InvalidOperationException($"the backlog gateway holds {buffered} readings, expected {backlog}");
                }
            }
            finally
            {
                await gateway.StopAsync();
            }

            rssKiB = Math.Max(rssKiB, gateway.PeakRssKiB());
            rssByGateway.Add("fill gateway: " + gateway.LargestMemorySample?.Describe());
        }

        BufferBenchReport.Line($"  backlog fill     {fill.PerSecond,10:0} readings/s  {fill.Count} readings published through the gateway's broker, {fillBatch} readings/message, forwarder off ({fill.Seconds:0.0}s)");
        var drain = await new DrainBench(launch, http, influx, database, time).RunAsync(drainBuffer, backlog, liveDevices, liveRate, cloud, cancellationToken);
        rssKiB = Math.Max(rssKiB, drain.Memory?.PeakRssKiB ?? 0);
        rssByGateway.Add("drain gateway: " + drain.Memory?.Describe());
        var p50 = Percentiles.Of(drain.LiveLatenciesMs, 0.50);
        var p99 = Percentiles.Of(drain.LiveLatenciesMs, 0.99);
        var max = drain.LiveLatenciesMs.Length == 0 ? double.NaN : drain.LiveLatenciesMs[^1];
        BufferBenchReport.Line($"E drain            {drain.Drain.PerSecond,10:0} readings/s  {drain.Drain.Count} backlog readings into InfluxDB (counted there) in {drain.Drain.Seconds:0.0}s after the gateway was up ({drain.StartupSeconds:0.0}s start-up); buffer empty after {drain.BufferEmptySeconds:0.0}s");
        BufferBenchReport.Line($"                   {drain.Cpu}");
        BufferBenchReport.Line($"  live             {drain.Live.PerSecond,10:0} readings/s  {drain.Live.Count} live readings ({liveDevices} devices × {liveRate} msg/s) during the drain: publish → queryable p50 {p50:0} ms, p99 {p99:0} ms, max {max:0} ms");
        BufferBenchReport.Line($"  drain / live     {drain.Drain.PerSecond / drain.Live.PerSecond,10:0.0}×  (target ≥ 10× with live p99 ≤ 2000 ms: {(drain.Drain.PerSecond >= 10 * drain.Live.PerSecond && p99 <= 2000 ? "met" : "NOT met")})");
        var rssMb = rssKiB / 1024.0;
        BufferBenchReport.Line($"F rss              {rssMb,10:0} MiB        peak VmHWM over the gateway processes");
        foreach (var line in rssByGateway)
        {
            BufferBenchReport.Line($"                   {line}");
        }

        BufferBenchReport.Line($"  ratios           broker {durable.PerSecond / broker.PerSecond:0.00} (target ≥ 0.5), sqlite {batched.PerSecond / sqlite.PerSecond:0.00} (target ≥ 0.6), rss target ≤ 150 MiB");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"durable_per_s={durable.PerSecond:0} broker_ceiling_per_s={broker.PerSecond:0} ratio_broker={durable.PerSecond / broker.PerSecond:0.00} batched_per_s={batched.PerSecond:0} sqlite_ceiling_per_s={sqlite.PerSecond:0} ratio_sqlite={batched.PerSecond / sqlite.PerSecond:0.00} drain_per_s={drain.Drain.PerSecond:0} rss_mb={rssMb:0}"));
        return 0;
    }

    private static string Describe(IReadOnlyList<KeyValuePair<string, string>> environment)
        => environment.Count == 0 ? "(none)" : string.Join(" ", environment.Select(e => $"{e.Key}={e.Value}"));

    /// <summary><c>KEY=VALUE,KEY=VALUE</c> for the gateway processes (e.g. <c>DOTNET_gcServer=0</c>).</summary>
    private static List<KeyValuePair<string, string>> ParseEnvironment(string text)
        => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(pair =>
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            return eq > 0 ? new KeyValuePair<string, string>(pair[..eq], pair[(eq + 1)..]) : throw new UsageException($"--gateway-env wants KEY=VALUE pairs, got '{pair}'");
        })];
}
