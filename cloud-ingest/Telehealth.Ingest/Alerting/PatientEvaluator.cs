using Microsoft.Extensions.Options;
using Telehealth.Alerts.Engine;
using Telehealth.Alerts.Rules;
using Telehealth.Alerts.Tracking;
using Telehealth.Metadata.Alerts;
using Telehealth.Metadata.People;

namespace Telehealth.Ingest.Alerting;

/// <summary>
/// Evaluates one patient: profile from the <c>patients</c> row, data from InfluxDB, <see cref="AlertEngine"/>, then
/// <see cref="AlertTracker"/> against the alerts stored in the metadata store, in one transaction. Any instance may
/// evaluate any patient at any time: the database keeps one active alert per rule and patient.
/// </summary>
public sealed partial class PatientEvaluator(
    PatientStore patients,
    AlertStore alerts,
    IServiceProvider services,
    AlertingSignals signals,
    AlertingMetrics metrics,
    TimeProvider time,
    IOptions<AlertingOptions> options,
    ILogger<PatientEvaluator> logger)
{
    /// <summary>The rules the scheduled pass runs: those that fire because time passes without data.</summary>
    public static IReadOnlySet<string> TimeDrivenRuleIds { get; } = new HashSet<string>(StringComparer.Ordinal) { RuleIds.DeviceSilence, RuleIds.RehabAdherence };

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _warnedUnknown = new(StringComparer.Ordinal);

    /// <summary>Evaluates the patient; null when the patient cannot be evaluated (unknown, bad settings — logged and counted).</summary>
    public async Task<AlertEvaluationOutcome?> EvaluateAsync(string patientId, EvaluationScope scope, CancellationToken cancellationToken)
    {
        var patient = await patients.GetAsync(patientId, cancellationToken).ConfigureAwait(false);
        if (patient is null)
        {
            metrics.PatientSkipped("unknown patient");
            if (_warnedUnknown.Count < 10_000 && _warnedUnknown.TryAdd(patientId, 0))
            {
                LogUnknownPatient(logger, patientId); // once per patient and process; the counter counts every time
            }

            return null;
        }

        if (!PatientProfileFactory.TryCreate(patient, out var profile, out var error))
        {
            metrics.PatientSkipped("bad settings");
            LogBadProfile(logger, patientId, error);
            return null;
        }

        var rules = RuleCatalog.Resolve(profile.EnabledRules);
        if (scope == EvaluationScope.TimeDriven)
        {
            rules = rules.Where(r => TimeDrivenRuleIds.Contains(r.Id)).ToList();
        }

        if (rules.Count == 0)
        {
            return new AlertEvaluationOutcome([], 0, 0, 0);
        }

        var now = time.GetUtcNow();
        var reader = services.GetRequiredService<ObservationReader>();
        var observations = await reader.ReadAsync(profile, rules, now, cancellationToken).ConfigureAwait(false);
        var firings = AlertEngine.Evaluate(profile, observations, now, rules);
        var trackerOptions = TrackerOptions(options.Value);
        var ruleIds = scope == EvaluationScope.AllRules ? null : rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var outcome = await alerts.ApplyEvaluationAsync(patientId, ruleIds,
            stored => AlertDecision.Decide(patientId, stored, firings, now, trackerOptions), cancellationToken).ConfigureAwait(false);

        metrics.Evaluated(outcome.Opened.Count, outcome.LostRaces);
        foreach (var alert in outcome.Opened)
        {
            LogOpened(logger, alert.Id, alert.RuleId, patientId);
        }

        if (outcome.LostRaces > 0)
        {
            LogLostRace(logger, patientId, outcome.LostRaces);
        }

        if (outcome.Opened.Count > 0 || outcome.Resolved > 0)
        {
            signals.OutboxWritten();
        }

        return outcome;
    }

    /// <summary>The tracker's quiet periods from the options (0 = resolve only by hand).</summary>
    public static AlertTrackerOptions TrackerOptions(AlertingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AlertTrackerOptions
        {
            ClinicalQuietPeriod = options.ClinicalQuietDays == 0 ? null : TimeSpan.FromDays(options.ClinicalQuietDays),
            TechnicalQuietPeriod = options.TechnicalQuietHours == 0 ? null : TimeSpan.FromHours(options.TechnicalQuietHours),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alerting: patient {PatientId} has data but no patients row; not evaluated")]
    private static partial void LogUnknownPatient(ILogger logger, string patientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alerting: patient {PatientId} not evaluated: {Error}")]
    private static partial void LogBadProfile(ILogger logger, string patientId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} opened: rule {RuleId}, patient {PatientId}")]
    private static partial void LogOpened(ILogger logger, string alertId, string ruleId, string patientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerting: {Count} alert(s) for patient {PatientId} were opened by another instance first; not duplicated")]
    private static partial void LogLostRace(ILogger logger, string patientId, int count);
}
