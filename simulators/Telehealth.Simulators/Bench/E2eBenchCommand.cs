using System.Globalization;
using MQTTnet.Formatter;
using Telehealth.Simulators.Cli;
using Telehealth.Simulators.Wearables;

namespace Telehealth.Simulators.Bench;

/// <summary>
/// <c>telehealth-sim bench-e2e</c>: publishes a fixed number of readings through a running gateway and measures, for
/// every reading, the time from its first publish to the moment it is queryable in InfluxDB. The gateway forwards in
/// buffer-offset order (= acknowledgement order), so the k-th acknowledged reading is queryable once the patient's
/// point count reaches k; InfluxDB is polled every few milliseconds for that count.
/// Last line: <c>readings=N seconds=S readings_per_s=R p50_ms=A p99_ms=B</c>.
/// </summary>
public static class E2eBenchCommand
{
    public static async Task<int> RunAsync(CommandArguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        var broker = args.Text("broker", "127.0.0.1:1883");
        var influx = new Uri(args.OptionalString("influx") ?? throw new UsageException("--influx URL is required"));
        var database = args.Text("db", "telehealth");
        var patient = args.OptionalString("patient") ?? throw new UsageException("--patient ID is required");
        var readings = args.WholeNumber("readings", 50_000, 1, 100_000_000);
        var devices = args.WholeNumber("devices", 10, 1, 1000);
        var perMessage = args.WholeNumber("samples-per-message", 10, 1, 1000);
        var rate = args.Number("rate", 0, 0, 10_000_000);
        var passwords = new DevicePasswords(null, args.OptionalString("password-prefix")); // the devices bench-1… enrolled by bench.sh
        args.EnsureAllUsed();
        var colon = broker.LastIndexOf(':');
        var port = int.Parse(broker.AsSpan(colon + 1), CultureInfo.InvariantCulture);

        var messagesPerDevice = (long)Math.Ceiling(readings / (double)(devices * perMessage));
        var total = messagesPerDevice * devices * perMessage;
        var published = new long[total];
        long acked = 0;
        var ackLock = new Lock();
        var stats = new PublishStats();
        await using var ackLog = new AckLog(null);
        var started = time.GetTimestamp();
        var tasks = Enumerable.Range(0, devices).Select(i =>
        {
            var id = $"bench-{i + 1}";
            var settings = new DeviceSettings(broker[..colon], port, id, DeviceKind.Wearable, i + 1, MqttProtocolVersion.V500,
                rate / devices / perMessage, perMessage, messagesPerDevice, 0) { Password = passwords.For(id) };
            var device = new SimulatedDevice(settings, stats, ackLog, time)
            {
                Acknowledged = (samples, firstPublished) =>
                {
                    lock (ackLock)
                    {
                        for (var k = 0; k < samples; k++)
                        {
                            published[acked++] = firstPublished;
                        }
                    }
                },
            };
            return device.RunAsync(cancellationToken);
        }).ToList();

        using var http = new HttpClient();
        var counter = new InfluxCounter(http, influx, database, "heart_rate", patient);
        var latencies = new double[total];
        long visible = 0;
        var progress = new ProgressLine(time);
        var publishing = Task.WhenAll(tasks);
        while (visible < total)
        {
            var count = await counter.CountAsync(cancellationToken);
            var now = time.GetTimestamp();
            long ackedNow;
            lock (ackLock)
            {
                ackedNow = acked;
                for (; visible < Math.Min(count, ackedNow); visible++)
                {
                    latencies[visible] = time.GetElapsedTime(published[visible], now).TotalMilliseconds;
                }
            }

            progress.Report($"acked={ackedNow} queryable={count} of {total}");
            if (publishing.IsFaulted)
            {
                await publishing;
            }

            if (time.GetElapsedTime(started) > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"only {visible} of {total} readings became queryable within 10 minutes");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), time, cancellationToken);
        }

        progress.Done();
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"readings={total} seconds={seconds:0.00} readings_per_s={total / seconds:0} p50_ms={Percentile(latencies, 0.50):0} p99_ms={Percentile(latencies, 0.99):0}"));
        return 0;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
