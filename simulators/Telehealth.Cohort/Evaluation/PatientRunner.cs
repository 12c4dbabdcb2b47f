using Telehealth.Alerts.Engine;
using Telehealth.Alerts.Rules;
using Telehealth.Alerts.Tracking;
using Telehealth.Cohort.Citizens;

namespace Telehealth.Cohort.Evaluation;

/// <summary>
/// Runs one citizen through the rule engine once a day, as the ingest would, and folds the firings with the
/// <see cref="AlertTracker"/>. The simulated clinician acknowledges each alert at once; alerts resolve when their
/// rule has been quiet for the tracker's quiet period.
/// </summary>
public static class PatientRunner
{
    /// <summary>Runs the citizen.</summary>
    public static PatientOutcome Run(SimulatedCitizen citizen, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        ArgumentNullException.ThrowIfNull(options);
        var profile = citizen.Profile;
        var offered = RuleCatalog.OfferedRuleIds(profile.Conditions);
        var rules = RuleCatalog.Resolve(offered);
        var state = PatientAlertState.Empty(profile.PatientId);
        var alerts = new List<OpenedAlert>();
        var suppressed = 0;
        for (var day = 0; day < citizen.Days; day++)
        {
            var now = citizen.Start.AddDays(day).AddHours(options.EvaluationHour);
            var firings = AlertEngine.Evaluate(profile, citizen.Observations, now, rules);
            var result = AlertTracker.Apply(state, firings, now);
            state = result.State;
            suppressed += result.SuppressedDuplicates;
            foreach (var opened in result.Opened)
            {
                alerts.Add(new OpenedAlert(opened.RuleId, opened.Subject, opened.Category, day, now));
                state = AlertTracker.Acknowledge(state, opened.Id, "simulated clinician", now);
            }
        }

        return new PatientOutcome(citizen.Index, citizen.Traits.Condition, citizen.Days, profile.EnabledRules, offered,
            citizen.Episodes, citizen.Dropouts, alerts, suppressed);
    }
}
