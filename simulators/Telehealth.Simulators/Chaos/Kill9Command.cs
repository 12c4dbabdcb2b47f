using System.Runtime.InteropServices;
using Telehealth.Simulators.Cli;

namespace Telehealth.Simulators.Chaos;

/// <summary>
/// <c>telehealth-sim chaos-kill9</c>: kills the real gateway process with SIGKILL and starts it again, again and again,
/// while devices publish; then checks that every acknowledged reading is in InfluxDB exactly once and the buffer file
/// is sound. Run it through <c>simulators/chaos.sh kill9</c>, which starts influxd and the ingest.
/// Last line: <c>acked=N stored=N lost=N duplicates=N</c>; exit code 0 only when lost=0, duplicates=0 and integrity ok.
/// </summary>
public static class Kill9Command
{
    public const string Usage = """
        telehealth-sim chaos-kill9 [options]   (usually through simulators/chaos.sh kill9, which fills in the first eight)
          --gateway-dll PATH        the gateway's Telehealth.Gateway.dll, started as 'dotnet PATH'
          --dir DIR                 buffer, logs (gateway.log, acked.tsv, published.tsv) and the gateway's pid file
          --ingest-url URL          the running cloud-ingest
          --secret-file FILE        the gateway's secret, known to the ingest
          --gateway-id ID           default gw-chaos
          --patient ID              the gateway's patient; every point of this patient is counted
          --influx URL              InfluxDB HTTP API the ingest writes to
          --db NAME                 default telehealth
          --cycles N                kills with SIGKILL (default 20)
          --seed S                  kill moments and readings (default 1)
          --min-life D, --max-life D  a gateway's life before its kill (default 0.3s, 1.5s; from its first answer, or
                                    from its start for start-up kills)
          --startup-kills SHARE     share of kills at a random moment from the start (default 0.2)
          --devices N               publishing devices: kinds in turn, MQTT 5 and 3.1.1 alternately (default 6)
          --rate R                  messages per second per device (default 0: as fast as acknowledged, one message
                                    in flight per device, so the gateway is committing whenever it is killed)
          --samples-per-message K   samples per message of every third device (default 10)
          --drain-timeout D         the last gateway's time to forward its buffer (default 120s)
        """;

    public static async Task<int> RunAsync(CommandArguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        if (args.Flag("help"))
        {
            Console.Write(Usage);
            return 0;
        }

        var settings = new Kill9Settings(
            Required(args, "gateway-dll"),
            Path.GetFullPath(Required(args, "dir")),
            Url(args, "ingest-url"),
            Path.GetFullPath(Required(args, "secret-file")),
            args.Text("gateway-id", "gw-chaos"),
            Required(args, "patient"),
            Url(args, "influx"),
            args.Text("db", "telehealth"),
            args.WholeNumber("cycles", 20, 0, 100_000),
            args.WholeNumber("seed", 1),
            args.Duration("min-life") ?? TimeSpan.FromSeconds(0.3),
            args.Duration("max-life") ?? TimeSpan.FromSeconds(1.5),
            args.Number("startup-kills", 0.2, 0, 1),
            args.WholeNumber("devices", 6, 1, 1000),
            args.Number("rate", 0, 0, 100_000),
            args.WholeNumber("samples-per-message", 10, 1, 1000),
            args.Duration("drain-timeout") ?? TimeSpan.FromSeconds(120));
        args.EnsureAllUsed();
        if (settings.MaxLife < settings.MinLife)
        {
            throw new UsageException("--max-life must not be shorter than --min-life");
        }

        if (!File.Exists(settings.GatewayDll))
        {
            throw new UsageException($"--gateway-dll '{settings.GatewayDll}' does not exist (build gateway/Telehealth.Gateway first)");
        }

        if (Directory.Exists(settings.Directory) && Directory.EnumerateFileSystemEntries(settings.Directory).Any())
        {
            throw new UsageException($"--dir '{settings.Directory}' is not empty: every run needs a fresh buffer and fresh logs");
        }

        Directory.CreateDirectory(settings.Directory);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true; // end through the cancellation token: the gateway is killed on the way out
            stop.Cancel();
        });
        try
        {
            return await new Kill9Run(settings, time, Console.Out).RunAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("interrupted: the gateway was killed, nothing was counted");
            return 130;
        }
    }

    private static string Required(CommandArguments args, string name)
        => args.OptionalString(name) ?? throw new UsageException($"--{name} is required");

    private static Uri Url(CommandArguments args, string name)
        => Uri.TryCreate(Required(args, name), UriKind.Absolute, out var url) ? url : throw new UsageException($"--{name} must be an absolute URL");
}
