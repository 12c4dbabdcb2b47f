using Microsoft.Extensions.Options;
using Telehealth.Metadata.Alerts;

namespace Telehealth.Ingest.Alerting;

/// <summary>
/// Every <c>ScheduleSeconds</c>, evaluates the time-driven rules (technical silence, rehab adherence) for every
/// patient. Several instances may run: the one holding the <c>scheduled-pass</c> lease in <c>alert_leases</c> does the
/// pass (saving the others the work); correctness does not depend on it — the one-active-alert index keeps two
/// passes at once from duplicating an alert, and no patient is pinned to an instance.
/// </summary>
public sealed partial class ScheduledEvaluationService(
    AlertStore alerts,
    AlertLeases leases,
    PatientEvaluator evaluator,
    AlertingMetrics metrics,
    TimeProvider time,
    IOptions<AlertingOptions> options,
    ILogger<ScheduledEvaluationService> logger) : BackgroundService
{
    public const string LeaseName = "scheduled-pass";

    private readonly string _holder = Environment.MachineName + "/" + Environment.ProcessId + "/" + Guid.NewGuid().ToString("N")[..8];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var period = TimeSpan.FromSeconds(options.Value.ScheduleSeconds);
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                await RunPassAsync(period, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                metrics.EvaluationFailed();
                LogPassFailed(logger, ex.GetType().Name, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One pass, when this instance holds (or takes) the lease; returns the patients evaluated.</summary>
    public async Task<int> RunPassAsync(TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync(LeaseName, _holder, leaseFor, cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        var evaluated = 0;
        foreach (var patientId in await alerts.PatientIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (await evaluator.EvaluateAsync(patientId, EvaluationScope.TimeDriven, cancellationToken).ConfigureAwait(false) is not null)
                {
                    evaluated++;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                metrics.EvaluationFailed();
                LogPatientFailed(logger, patientId, ex.GetType().Name, ex.Message);
            }
        }

        return evaluated;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alerting: scheduled pass failed ({ErrorType}: {Error})")]
    private static partial void LogPassFailed(ILogger logger, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alerting: scheduled evaluation of patient {PatientId} failed ({ErrorType}: {Error})")]
    private static partial void LogPatientFailed(ILogger logger, string patientId, string errorType, string error);
}
