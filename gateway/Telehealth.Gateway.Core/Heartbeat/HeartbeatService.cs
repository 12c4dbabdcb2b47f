using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Buffer;
using Telehealth.Gateway.Core.Forwarding;
using Telehealth.Gateway.Core.Identity;
using Telehealth.Gateway.Core.Status;
using Telehealth.Ingest.Contracts.Heartbeats;

namespace Telehealth.Gateway.Core.Heartbeat;

/// <summary>
/// Reports the gateway's health to the ingest every <see cref="ForwarderOptions.HeartbeatSeconds"/>: buffer count, bytes
/// and oldest age, dead letters, devices seen, version, and the clock offset measured from the previous answer.
/// Timing uses the monotonic clock; a failed heartbeat is logged and the next one is tried on schedule.
/// </summary>
public sealed partial class HeartbeatService(
    SqliteReadingBuffer buffer,
    IngestClient client,
    GatewayCounters counters,
    GatewayClock clock,
    IOptions<ForwarderOptions> options,
    IOptions<GatewayOptions> gateway,
    TimeProvider time,
    ILogger<HeartbeatService> logger) : BackgroundService
{
    private static readonly string Version = typeof(HeartbeatService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HeartbeatSeconds), time);
        do
        {
            try
            {
                await BeatAsync(stoppingToken);
            }
            catch (Exception ex) when (IngestFailures.IsTransient(ex, stoppingToken))
            {
                LogFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends one heartbeat and records the clock offset from its answer.</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        var status = buffer.GetStatus();
        var sentMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var heartbeat = new GatewayHeartbeat(gateway.Value.Id, Version, sentMs, status.Readings, status.Bytes, status.OldestReceivedMs,
            status.DeadLetters, status.Full, counters.DevicesSeen(), clock.OffsetMs);
        var started = time.GetTimestamp();
        var ack = await client.SendHeartbeatAsync(heartbeat, cancellationToken);
        clock.Record(sentMs, ack.ServerTimeMs, (long)time.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat to the ingest failed ({Error}); the next one follows on schedule")]
    private static partial void LogFailed(ILogger logger, string error);
}
