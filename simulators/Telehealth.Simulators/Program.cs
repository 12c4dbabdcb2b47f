using Telehealth.Simulators.Bench;
using Telehealth.Simulators.Bench.Buffer;
using Telehealth.Simulators.Cli;
using Telehealth.Simulators.Wearables;

const string usage = "usage: telehealth-sim <command> [options]\ncommands:\n  wearables   simulated MQTT devices publishing readings\n  bench-ingest many gateways' batches through the ingest vs raw line protocol to influxd\n  bench-e2e   publish N readings through a running pipeline; latency to queryable in InfluxDB\n  chaos-kill9 kill -9 the real gateway again and again while devices publish; acked readings must all arrive once\n  bench-buffer the gateway buffer against its ceilings (run through simulators/bench.sh buffer)\n  bench-alert-latency threshold-crossing reading → alert visible in the API (run through simulators/bench.sh alert-latency)\n";
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    return args switch
    {
        ["wearables", .. var rest] => await WearablesCommand.RunAsync(new CommandArguments(rest), TimeProvider.System, cancel.Token),
        ["bench-ingest", .. var rest] => await Telehealth.Simulators.Bench.Ingest.IngestBenchCommand.RunAsync(new CommandArguments(rest), TimeProvider.System, cancel.Token),
        ["bench-e2e", .. var rest] => await E2eBenchCommand.RunAsync(new CommandArguments(rest), TimeProvider.System, cancel.Token),
        ["chaos-kill9", .. var rest] => await Telehealth.Simulators.Chaos.Kill9Command.RunAsync(new CommandArguments(rest), TimeProvider.System, cancel.Token),
        ["bench-alert-latency", .. var rest] => await Telehealth.Simulators.Bench.AlertLatency.AlertLatencyBenchCommand.RunAsync(new CommandArguments(rest), TimeProvider.System, cancel.Token),
        ["bench-buffer", .. var rest] => await BufferBenchCommand.RunAsync(new CommandArguments(rest), TimeProvider.System, cancel.Token),
        ["--help" or "-h" or "help", ..] => Help(),
        _ => throw new UsageException(args.Length == 0 ? "no command given" : $"unknown command '{args[0]}'"),
    };
}
catch (UsageException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    Console.Error.Write(usage);
    return 2;
}

static int Help()
{
    Console.Write(usage);
    Console.Write(WearablesCommand.Usage);
    return 0;
}
