using System.Globalization;
using MQTTnet.Formatter;
using Telehealth.Simulators.Cli;

namespace Telehealth.Simulators.Wearables;

/// <summary>
/// <c>telehealth-sim wearables</c>: N simulated devices publish readings over MQTT at a given rate, with a live
/// progress line on stderr. Last stdout line: <c>published=N acked=N invalid=N refused=N errors=N seconds=S</c>.
/// </summary>
public static class WearablesCommand
{
    public const string Usage = """
        telehealth-sim wearables [options]
          --broker HOST:PORT        gateway broker (default 127.0.0.1:1883)
          --devices N               simulated devices (default 5)
          --device-prefix TEXT      device id prefix (default sim-)
          --kinds LIST              device kinds in turn: wearable,oximeter,bp,scale,steps (default wearable)
          --rate R                  messages per second per device; 0 = as fast as acknowledged (default 1)
          --samples-per-message K   samples batched in one message (default 1)
          --count N                 messages per device, then stop
          --duration D              stop after D (e.g. 30s, 2m); default: run until --count or Ctrl-C
          --invalid-every N         make every Nth message invalid, to exercise rejection (default 0 = never)
          --protocol 5|3.1.1        MQTT version (default 5)
          --seed S                  random seed (default 1)
          --acked-log FILE          append every acknowledged sample to FILE
          --password-prefix TEXT    log in as username = device id with password TEXT + device id (enrol each:
                                    printf '%s' TEXT<device id> | sha256sum → Devices:Mqtt:N:PasswordSha256)
          --password TEXT           log in with this password for every device (default: no credentials)
        """;

    public static async Task<int> RunAsync(CommandArguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        var broker = args.Text("broker", "127.0.0.1:1883");
        var colon = broker.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(broker.AsSpan(colon + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port))
        {
            throw new UsageException($"--broker must be HOST:PORT, got '{broker}'");
        }

        var devices = args.WholeNumber("devices", 5, 1, 10_000);
        var prefix = args.Text("device-prefix", "sim-");
        var kinds = ParseKinds(args.Text("kinds", "wearable"));
        var rate = args.Number("rate", 1, 0, 100_000);
        var samples = args.WholeNumber("samples-per-message", 1, 1, 1000);
        var count = args.OptionalString("count") is null ? (long?)null : args.WholeNumber("count", 0, 1);
        var duration = args.Duration("duration");
        var invalidEvery = args.WholeNumber("invalid-every", 0, 0);
        var protocol = args.Text("protocol", "5") switch
        {
            "5" => MqttProtocolVersion.V500,
            "3.1.1" or "3" => MqttProtocolVersion.V311,
            var other => throw new UsageException($"--protocol must be 5 or 3.1.1, got '{other}'"),
        };
        var seed = args.WholeNumber("seed", 1);
        var ackPath = args.OptionalString("acked-log");
        var passwords = new DevicePasswords(args.OptionalString("password"), args.OptionalString("password-prefix"));
        if (passwords is { Shared: not null, Prefix: not null })
        {
            throw new UsageException("give --password or --password-prefix, not both");
        }

        args.EnsureAllUsed();

        var stats = new PublishStats();
        await using var ackLog = new AckLog(ackPath);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (duration is { } limit)
        {
            stop.CancelAfter(limit);
        }

        var started = time.GetTimestamp();
        var tasks = new List<Task>(devices);
        for (var i = 0; i < devices; i++)
        {
            var id = $"{prefix}{i + 1}";
            var settings = new DeviceSettings(broker[..colon], port, id, kinds[i % kinds.Length], seed * 10_007 + i,
                protocol, rate, samples, count, invalidEvery) { Password = passwords.For(id) };
            tasks.Add(new SimulatedDevice(settings, stats, ackLog, time).RunAsync(stop.Token));
        }

        var progress = new ProgressLine(time);
        var all = Task.WhenAll(tasks);
        while (!all.IsCompleted)
        {
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromMilliseconds(250), time, CancellationToken.None));
            ackLog.Flush();
            progress.Report(Line(stats, time.GetElapsedTime(started)));
        }

        progress.Done();
        try
        {
            await all;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // duration reached or Ctrl-C: a normal end
        }

        ackLog.Flush();
        Console.WriteLine(Line(stats, time.GetElapsedTime(started)));
        return 0;
    }

    private static string Line(PublishStats stats, TimeSpan elapsed)
        => string.Create(CultureInfo.InvariantCulture,
            $"published={stats.Published} acked={stats.Acked} invalid={stats.Invalid} refused={stats.Refused} errors={stats.Errors} seconds={elapsed.TotalSeconds:0.0}");

    private static DeviceKind[] ParseKinds(string text)
        => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(k => k switch
        {
            "wearable" => DeviceKind.Wearable,
            "oximeter" => DeviceKind.Oximeter,
            "bp" => DeviceKind.BloodPressureCuff,
            "scale" => DeviceKind.Scale,
            "steps" => DeviceKind.StepCounter,
            _ => throw new UsageException($"unknown device kind '{k}' (wearable, oximeter, bp, scale, steps)"),
        })];
}
