using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Telehealth.Simulators.Wearables;

namespace Telehealth.Simulators.Chaos;

/// <summary>
/// The kill -9 run: devices publish throughout while the real gateway process is killed with SIGKILL and started
/// again <c>Cycles</c> times at seeded random moments (some during its start-up, most while it commits and forwards).
/// Then the devices stop, the gateway starts a last time and drains its buffer, its buffer file is checked, and every
/// acknowledged sample is looked up in InfluxDB (<see cref="Kill9Tally"/>).
/// </summary>
public sealed class Kill9Run(Kill9Settings settings, TimeProvider time, TextWriter output)
{
    /// <summary>Runs everything; returns the exit code (0 only when nothing was lost or duplicated and the buffer is sound).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var mqttPort = FreePort();
        var statusUrl = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}");
        var bufferDirectory = Path.Combine(settings.Directory, "gateway");
        Directory.CreateDirectory(bufferDirectory);
        var bufferPath = Path.Combine(bufferDirectory, "buffer.db");
        var ackedPath = Path.Combine(settings.Directory, "acked.tsv");
        var publishedPath = Path.Combine(settings.Directory, "published.tsv");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var status = new GatewayStatusClient(http, statusUrl);
        var passwords = DevicePasswords.RandomPerDevice(); // the devices log in; the gateway knows only the hashes
        var environment = GatewayEnvironment(statusUrl, mqttPort, bufferPath);
        foreach (var (key, value) in passwords.EnrolmentEnvironment(ChaosPublisher.DeviceIds(settings)))
        {
            environment[key] = value;
        }

        await using var gateway = new GatewayProcess(settings.GatewayDll, environment,
            Path.Combine(settings.Directory, "gateway.log"), Path.Combine(settings.Directory, "gateway.pid"));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chaos kill9: {settings.Cycles} cycles, seed {settings.Seed}, {settings.Devices} devices, gateway life {settings.MinLife.TotalSeconds:0.0#}–{settings.MaxLife.TotalSeconds:0.0#} s, data in {settings.Directory}"));
        IReadOnlyList<string> devices;
        await using (var publisher = new ChaosPublisher(settings, mqttPort, ackedPath, publishedPath, passwords, time))
        {
            devices = publisher.Descriptions;
            var cycles = new KillCycles(settings, gateway, status, time);
            using var stopPublishing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var publishing = publisher.RunAsync(stopPublishing.Token);
            try
            {
                for (var cycle = 1; cycle <= settings.Cycles; cycle++)
                {
                    var what = await cycles.RunAsync(cycle, cancellationToken);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cycle {cycle}/{settings.Cycles}: {what}; acked={publisher.Stats.Acked}"));
                    if (publishing.IsCompleted)
                    {
                        await publishing; // a device failed (a simulator bug): stop here rather than shake a silent fleet
                    }
                }
            }
            finally
            {
                await stopPublishing.CancelAsync();
                await publishing;
                publisher.Flush();
            }

            var stats = publisher.Stats;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"kills: {settings.Cycles - cycles.Failed} (during start-up {cycles.InStartup}, while running {cycles.Running}, with readings not yet forwarded {cycles.WithUnforwarded}); gateways that ended by themselves or never answered: {cycles.Failed}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"publisher: published={stats.Published} acked={stats.Acked} refused={stats.Refused} errors={stats.Errors} (samples, resends included)"));
        }

        var (drained, integrity) = await new FinalDrain(settings, gateway, status, time, output).RunAsync(bufferPath, cancellationToken);
        var acked = AckLog.Read(ackedPath);
        var perDevice = acked.GroupBy(a => a.Device).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        output.WriteLine("acked per device: " + string.Join(", ", devices.Select(d =>
            string.Create(CultureInfo.InvariantCulture, $"{d}={perDevice.GetValueOrDefault(d.Split(' ')[0])}"))));
        using var influxHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var points = await new InfluxPointReader(influxHttp, settings.Influx, settings.Database).ReadAsync(settings.PatientId, cancellationToken);
        var counts = Kill9Tally.Count(acked, AckLog.Read(publishedPath), points);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"influx: points={counts.Points} matched_samples={counts.MatchedSamples} unmatched_points={counts.UnmatchedPoints}"));
        foreach (var lost in counts.LostSamples.Take(20))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lost: {lost.Metric} device={lost.Device} time_ms={lost.TimeMs}"));
        }

        output.WriteLine($"integrity={integrity}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seconds={time.GetElapsedTime(started).TotalSeconds:0.0}"));
        output.WriteLine(counts.Line);
        return counts.Lost == 0 && counts.Duplicates == 0 && counts.Acked > 0 && drained && integrity == "ok" ? 0 : 1;
    }

    private Dictionary<string, string> GatewayEnvironment(Uri statusUrl, int mqttPort, string bufferPath) => new()
    {
        ["Urls"] = statusUrl.ToString(),
        ["Gateway__Id"] = settings.GatewayId,
        ["Gateway__PatientId"] = settings.PatientId,
        ["Mqtt__Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
        ["Buffer__Path"] = bufferPath,
        ["Forwarder__IngestUrl"] = settings.IngestUrl.ToString(),
        ["Forwarder__SecretFile"] = settings.SecretFile,
        ["Forwarder__RetryPauseSeconds"] = "0.2",
        ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
