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
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly Random _random = new(settings.Seed);
    private int _killedInStartup;
    private int _killedRunning;
    private int _exitedByItself;

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
        var environment = new Dictionary<string, string>
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
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var status = new GatewayStatusClient(http, statusUrl);
        await using var gateway = new GatewayProcess(settings.GatewayDll, environment,
            Path.Combine(settings.Directory, "gateway.log"), Path.Combine(settings.Directory, "gateway.pid"));

        output.WriteLine($"chaos kill9: {settings.Cycles} cycles, seed {settings.Seed}, {settings.Devices} devices, gateway life {settings.MinLife.TotalSeconds:0.0#}–{settings.MaxLife.TotalSeconds:0.0#} s, data in {settings.Directory}");
        await using (var publisher = new ChaosPublisher(settings, mqttPort, ackedPath, publishedPath, time))
        {
            using var stopPublishing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var publishing = publisher.RunAsync(stopPublishing.Token);
            try
            {
                for (var cycle = 1; cycle <= settings.Cycles; cycle++)
                {
                    var what = await CycleAsync(gateway, status, cycle, cancellationToken);
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
            output.WriteLine($"kills: {settings.Cycles} (during start-up {_killedInStartup}, while running {_killedRunning}); gateway exits not caused by a kill: {_exitedByItself}");
            output.WriteLine($"publisher: published={stats.Published} acked={stats.Acked} refused={stats.Refused} errors={stats.Errors} (samples, resends included)");
        }

        var (drained, integrity) = await DrainAndCheckAsync(gateway, status, bufferPath, cancellationToken);
        var counts = await CountAsync(ackedPath, publishedPath, cancellationToken);
        output.WriteLine($"influx: points={counts.Points} matched_samples={counts.MatchedSamples} unmatched_points={counts.UnmatchedPoints}");
        foreach (var lost in counts.LostSamples.Take(20))
        {
            output.WriteLine($"lost: {lost.Metric} device={lost.Device} time_ms={lost.TimeMs}");
        }

        output.WriteLine($"integrity={integrity}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seconds={time.GetElapsedTime(started).TotalSeconds:0.0}"));
        output.WriteLine(counts.Line);
        return counts.Lost == 0 && counts.Duplicates == 0 && counts.Acked > 0 && drained && integrity == "ok" ? 0 : 1;
    }

    private async Task<string> CycleAsync(GatewayProcess gateway, GatewayStatusClient status, int cycle, CancellationToken cancellationToken)
    {
        var life = settings.MinLife + ((settings.MaxLife - settings.MinLife) * _random.NextDouble());
        var inStartup = _random.NextDouble() < settings.StartupKillShare;
        gateway.Start($"cycle {cycle}/{settings.Cycles}");
        var spawned = time.GetTimestamp();
        string what;
        if (inStartup)
        {
            var killAt = life * _random.NextDouble();
            var answered = await WaitReadyAsync(gateway, status, killAt, cancellationToken);
            var rest = killAt - time.GetElapsedTime(spawned);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, time, cancellationToken);
            }

            what = string.Create(CultureInfo.InvariantCulture, $"killed {killAt.TotalSeconds:0.00} s after its start ({(answered ? "already answering" : "during start-up")})");
            if (answered)
            {
                _killedRunning++;
            }
            else
            {
                _killedInStartup++;
            }
        }
        else
        {
            if (!await WaitReadyAsync(gateway, status, ReadyTimeout, cancellationToken))
            {
                return await ExitedByItselfAsync(gateway);
            }

            await Task.Delay(life, time, cancellationToken);
            what = string.Create(CultureInfo.InvariantCulture, $"killed {life.TotalSeconds:0.00} s after it answered (running)");
            _killedRunning++;
        }

        if (gateway.HasExited)
        {
            return await ExitedByItselfAsync(gateway);
        }

        await gateway.KillAsync();
        return what;
    }

    private async Task<string> ExitedByItselfAsync(GatewayProcess gateway)
    {
        _exitedByItself++;
        await gateway.KillAsync();
        await Console.Error.WriteLineAsync($"warning: the gateway ended by itself (exit code {gateway.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none: no answer"}); its last lines:\n{gateway.Tail}");
        return "GATEWAY ENDED BY ITSELF (see gateway.log)";
    }

    private async Task<(bool Drained, string Integrity)> DrainAndCheckAsync(GatewayProcess gateway, GatewayStatusClient status, string bufferPath, CancellationToken cancellationToken)
    {
        gateway.Start("final start: drain the buffer");
        var spawned = time.GetTimestamp();
        if (!await WaitReadyAsync(gateway, status, ReadyTimeout, cancellationToken))
        {
            await Console.Error.WriteLineAsync($"error: the gateway did not start after the last kill; its last lines:\n{gateway.Tail}");
            await gateway.KillAsync();
            return (false, "not checked: the gateway did not start");
        }

        long? buffered = null;
        while (time.GetElapsedTime(spawned) < settings.DrainTimeout && !gateway.HasExited)
        {
            buffered = await status.TryGetBufferedAsync(cancellationToken);
            if (buffered == 0)
            {
                break;
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }

        var drained = buffered == 0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"final gateway: buffer.readings={buffered?.ToString(CultureInfo.InvariantCulture) ?? "no answer"} {time.GetElapsedTime(spawned).TotalSeconds:0.0} s after its start{(drained ? "" : " — NOT DRAINED")}"));
        var live = gateway.HasExited ? "not checked: the gateway ended" : await status.IntegrityAsync(cancellationToken);
        await gateway.StopAsync(TimeSpan.FromSeconds(15));
        var file = await BufferFileCheck.IntegrityAsync(bufferPath, cancellationToken);
        var movedAside = Directory.GetFiles(Path.GetDirectoryName(bufferPath)!, Path.GetFileName(bufferPath) + ".corrupt-*").Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"buffer checks: live /status/integrity={live}; file after stop (sqlite3)={file}; corrupt files moved aside during the run={movedAside}"));
        var integrity = live == "ok" && file == "ok" && movedAside == 0 ? "ok"
            : movedAside > 0 ? string.Create(CultureInfo.InvariantCulture, $"corrupt ({movedAside} buffer files moved aside)") : $"failed (live: {live}; file: {file})";
        return (drained, integrity);
    }

    private async Task<Kill9Counts> CountAsync(string ackedPath, string publishedPath, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var points = await new InfluxPointReader(http, settings.Influx, settings.Database).ReadAsync(settings.PatientId, cancellationToken);
        return Kill9Tally.Count(AckLog.Read(ackedPath), AckLog.Read(publishedPath), points);
    }

    /// <summary>Polls the status page until it answers (true), the gateway ends or <paramref name="timeout"/> passes (false).</summary>
    private async Task<bool> WaitReadyAsync(GatewayProcess gateway, GatewayStatusClient status, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            while (!gateway.HasExited)
            {
                if (await status.TryGetAsync(deadline.Token) is not null)
                {
                    return true;
                }

                await Task.Delay(PollInterval, time, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the time is up
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
