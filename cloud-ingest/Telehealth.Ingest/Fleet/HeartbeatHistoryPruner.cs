using Microsoft.Extensions.Options;
using Telehealth.Metadata.Fleet;

namespace Telehealth.Ingest.Fleet;

/// <summary>
/// Once an hour (and at start) deletes heartbeat history older than <see cref="FleetOptions.HistoryDays"/>. Every
/// instance runs it; the delete is idempotent, so several instances only repeat each other's work. A failed round
/// (database unreachable) is logged and the next one tries again.
/// </summary>
public sealed partial class HeartbeatHistoryPruner(HeartbeatStore store, TimeProvider time, IOptions<FleetOptions> options, ILogger<HeartbeatHistoryPruner> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var before = time.GetUtcNow().AddDays(-options.Value.HistoryDays).ToUnixTimeMilliseconds();
                var deleted = await store.PruneHistoryAsync(before, stoppingToken);
                if (deleted > 0)
                {
                    LogPruned(logger, deleted, options.Value.HistoryDays);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                LogFailed(logger, ex.GetType().Name, ex.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} heartbeat history rows older than {Days} days")]
    private static partial void LogPruned(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning heartbeat history failed ({Error}: {Message}); trying again in an hour")]
    private static partial void LogFailed(ILogger logger, string error, string message);
}
