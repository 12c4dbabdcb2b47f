using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using Telehealth.Simulators.Bench.Buffer;
using Telehealth.Simulators.Cli;

namespace Telehealth.Simulators.Bench.AlertLatency;

/// <summary>
/// <c>telehealth-sim bench-alert-latency</c> (run through <c>simulators/bench.sh alert-latency</c>, which starts
/// influxd, the ingest and two gateways, and a background load of simulated devices on the second): publishes a
/// systolic 190 mm[Hg] reading to the probe gateway's broker, measures until a new open <c>bp.systolic</c> alert of
/// the probe patient is visible in <c>GET /api/v1/alerts</c> (polled every 10 ms), resolves it, and repeats.
/// Last line: <c>p50_ms=A p99_ms=B</c> (target p99 ≤ 5000).
/// </summary>
public static class AlertLatencyBenchCommand
{
    private const string Rule = "bp.systolic";

    public static async Task<int> RunAsync(CommandArguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var broker = args.Text("broker", "127.0.0.1:1883");
        var ingest = new Uri(args.OptionalString("ingest") ?? throw new UsageException("--ingest URL is required"));
        var token = args.OptionalString("therapist-token") ?? throw new UsageException("--therapist-token TOKEN is required (a therapist whose care team has --patient)");
        var patient = args.Text("patient", "patient-probe");
        var device = args.Text("device", "probe-1");
        var password = args.Text("password-prefix", "") + device;
        var crossings = args.WholeNumber("crossings", 30, 1, 10_000);
        var timeout = TimeSpan.FromSeconds(args.WholeNumber("timeout-seconds", 30, 1, 600));
        args.EnsureAllUsed();
        var colon = broker.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(broker.AsSpan(colon + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port))
        {
            throw new UsageException($"--broker must be HOST:PORT, got '{broker}'");
        }

        using var http = new HttpClient();
        var api = new AlertApiClient(http, ingest, token);
        using var mqtt = new MqttClientFactory().CreateMqttClient();
        var connected = await mqtt.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker[..colon], port).WithClientId(device)
            .WithCredentials(device, password).Build(), cancellationToken);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            Console.Error.WriteLine($"error: the probe device could not connect: {connected.ResultCode}");
            return 1;
        }

        var seen = new HashSet<string>(await api.OpenAlertIdsAsync(patient, Rule, cancellationToken), StringComparer.Ordinal);
        var latencies = new List<double>(crossings);
        for (var i = 1; i <= crossings; i++)
        {
            var started = time.GetTimestamp();
            var payload = string.Create(CultureInfo.InvariantCulture,
                $$$"""{"metric":"blood_pressure","unit":"mm[Hg]","ts":{{{time.GetUtcNow().ToUnixTimeMilliseconds()}}},"values":{"systolic":190,"diastolic":100}}""");
            var published = await mqtt.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic($"telehealth/v1/devices/{device}/readings").WithPayload(Encoding.UTF8.GetBytes(payload))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
            if (!published.IsSuccess)
            {
                Console.Error.WriteLine($"error: the gateway refused the probe reading: {published.ReasonCode} {published.ReasonString}");
                return 1;
            }

            string? opened = null;
            while (opened is null)
            {
                if (time.GetElapsedTime(started) > timeout)
                {
                    Console.Error.WriteLine($"error: crossing {i}: no new alert within {timeout.TotalSeconds} s");
                    return 1;
                }

                opened = (await api.OpenAlertIdsAsync(patient, Rule, cancellationToken)).FirstOrDefault(id => !seen.Contains(id));
                if (opened is null)
                {
                    await Task.Delay(10, cancellationToken);
                }
            }

            var latency = time.GetElapsedTime(started).TotalMilliseconds;
            latencies.Add(latency);
            seen.Add(opened);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"crossing {i}/{crossings}: alert visible after {latency:F0} ms"));
            await api.ResolveAsync(opened, cancellationToken);
            await Task.Delay(200, cancellationToken);
        }

        await mqtt.DisconnectAsync(cancellationToken: cancellationToken);
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"crossings={latencies.Count} min_ms={latencies[0]:F0} max_ms={latencies[^1]:F0} mean_ms={latencies.Average():F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p50_ms={Percentiles.Of(latencies, 0.50):F0} p99_ms={Percentiles.Of(latencies, 0.99):F0}"));
        return 0;
    }
}
