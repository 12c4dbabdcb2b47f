using Microsoft.Extensions.Options;

namespace Telehealth.Ingest.Alerting;

/// <summary>
/// The debounced evaluation loop: waits until a dirty patient is due (<see cref="AlertEvaluationScheduler"/>),
/// evaluates the due patients (<c>MaxParallelEvaluations</c> at once), and puts a patient whose evaluation failed
/// back for a retry. One loop; a failed evaluation never ends it.
/// </summary>
public sealed partial class DirtyPatientEvaluationService(
    AlertEvaluationScheduler scheduler,
    PatientEvaluator evaluator,
    AlertingMetrics metrics,
    TimeProvider time,
    IOptions<AlertingOptions> options,
    ILogger<DirtyPatientEvaluationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelEvaluations, CancellationToken = stoppingToken };
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = scheduler.WhenChangedAsync();
            var due = scheduler.TakeDue();
            if (due.Count > 0)
            {
                await Parallel.ForEachAsync(due, parallel, (patientId, token) => new ValueTask(EvaluateAsync(patientId, token))).ConfigureAwait(false);
                continue;
            }

            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var wait = scheduler.NextDueIn() is { } next ? Task.Delay(next, time, wake.Token) : Task.Delay(Timeout.InfiniteTimeSpan, time, wake.Token);
            await Task.WhenAny(changed, wait).ConfigureAwait(false);
            await wake.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task EvaluateAsync(string patientId, CancellationToken cancellationToken)
    {
        try
        {
            await evaluator.EvaluateAsync(patientId, EvaluationScope.AllRules, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.EvaluationFailed();
            LogFailed(logger, patientId, ex.GetType().Name, ex.Message);
            scheduler.Retry(patientId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alerting: evaluation of patient {PatientId} failed ({ErrorType}: {Error}); retrying later")]
    private static partial void LogFailed(ILogger logger, string patientId, string errorType, string error);
}
