using Telehealth.Simulators.Cli;
using Telehealth.Simulators.Wearables;

namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>
/// Starts a gateway WITH forwarding on a buffer holding a backlog and measures how fast the backlog reaches InfluxDB
/// (counted there), while live devices publish at a modest rate and each live reading's publish → queryable latency
/// is measured.
/// </summary>
public sealed class DrainBench(GatewayLaunch launch, HttpClient http, Uri influx, string database, TimeProvider time)
{
    /// <summary>Measurement of the backlog (the fill devices publish heart rate).</summary>
    public const string BacklogMeasurement = "heart_rate";

    /// <summary>Measurement used only by the live devices (oximeters).</summary>
    public const string LiveMeasurement = "spo2";

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    public async Task<DrainResult> RunAsync(
        string bufferPath, long backlog, int liveDevices, double liveRate, IReadOnlyList<(string Name, int Pid)> cloudProcesses, CancellationToken cancellationToken)
    {
        var launched = time.GetTimestamp();
        using var gateway = await GatewayProcess.StartAsync(launch, "gateway-drain", bufferPath, forwarding: true, http, time, cancellationToken);
        try
        {
            var up = time.GetTimestamp();
            var startupSeconds = time.GetElapsedTime(launched, up).TotalSeconds;
            var stored = new InfluxCounter(http, influx, database, BacklogMeasurement, launch.PatientId);
            var storedAtStart = await stored.CountAsync(cancellationToken);
            var cpu = new CpuWindow([("gateway", gateway.Pid), .. cloudProcesses, ("sim", Environment.ProcessId)], time);

            var tracker = new LiveLatencyTracker(new InfluxCounter(http, influx, database, LiveMeasurement, launch.PatientId), time);
            var live = new PublishLoad(gateway.MqttPort, "live-", DeviceKind.Oximeter, liveDevices, 1, liveRate, null, time)
            {
                Passwords = launch.Passwords,
                Acknowledged = tracker.OnAcknowledged,
            };
            using var stopLive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var stopTracker = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var liveStarted = time.GetTimestamp();
            var liveRunning = live.RunAsync(stopLive.Token);
            var tracking = tracker.RunAsync(stopTracker.Token);

            var progress = new ProgressLine(time);
            long storedNow;
            while ((storedNow = await stored.CountAsync(cancellationToken)) < backlog)
            {
                var buffered = await gateway.BufferedReadingsAsync(cancellationToken);
                gateway.PeakRssKiB();
                progress.Report($"drain: stored={storedNow} of {backlog} buffered={buffered} live acked={tracker.Acknowledged} queryable={tracker.Visible}");
                if (time.GetElapsedTime(up) > Limit)
                {
                    throw new TimeoutException($"only {storedNow} of {backlog} backlog readings reached InfluxDB within {Limit.TotalMinutes} minutes");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
            }

            var drainSeconds = time.GetElapsedTime(up).TotalSeconds;
            var cpuUse = cpu.Describe(storedNow - storedAtStart);
            progress.Done();
            await stopLive.CancelAsync();
            await liveRunning;
            var liveSeconds = time.GetElapsedTime(liveStarted).TotalSeconds;

            var caughtUp = time.GetTimestamp();
            while (tracker.Visible < tracker.Acknowledged && time.GetElapsedTime(caughtUp) < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
            }

            await stopTracker.CancelAsync();
            await tracking;
            if (tracker.Visible < tracker.Acknowledged)
            {
                throw new TimeoutException($"only {tracker.Visible} of {tracker.Acknowledged} live readings became queryable");
            }

            while (await gateway.BufferedReadingsAsync(cancellationToken) > 0)
            {
                if (time.GetElapsedTime(up) > Limit)
                {
                    throw new TimeoutException("the buffer did not empty");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
            }

            var emptySeconds = time.GetElapsedTime(up).TotalSeconds;
            await gateway.StopAsync();
            return new DrainResult(startupSeconds, new RateMeasurement(storedNow - storedAtStart, drainSeconds), emptySeconds,
                new RateMeasurement(tracker.Acknowledged, liveSeconds), tracker.SortedLatenciesMs(), gateway.LargestMemorySample, cpuUse);
        }
        finally
        {
            await gateway.StopAsync();
        }
    }
}
