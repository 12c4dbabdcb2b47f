using Telehealth.Alerts.Profiles;
using Telehealth.Alerts.Rules;
using Telehealth.Cohort.Citizens;

namespace Telehealth.Cohort.Evaluation;

/// <summary>
/// Computes the figures from the outcomes. Detection window of an episode with onset day O:
/// [O − lookahead, O + after-onset] (evaluation days, inclusive). An alert is true when it opens inside the window of
/// any labelled episode of the same citizen, false otherwise. Lead time = O − day of the first alert in the window.
/// </summary>
public static class MetricsCalculator
{
    private const double DaysPerMonth = 365.25 / 12;

    /// <summary>Builds the report.</summary>
    public static CohortReport Compute(IReadOnlyList<PatientOutcome> outcomes, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(options);
        var ruleIds = RuleCatalog.All.Where(r => r.Category == AlertCategory.Clinical).Select(r => r.Id)
            .Where(id => outcomes.Any(o => o.EvaluatedRules.Contains(id))).ToList();
        var perRule = ruleIds.Select(id => Detection(id, outcomes.Where(o => o.EvaluatedRules.Contains(id)).ToList(),
            new HashSet<string> { id }, RuleTargets.Of(id), options)).ToList();
        var allKinds = Enum.GetValues<EpisodeKind>();
        var overall = Detection("overall", outcomes, null, allKinds, options);
        var byKindMetrics = allKinds.Select(k => Detection($"overall {k}",
            outcomes.Where(o => KindOf(o.Condition) == k).ToList(), null, [k], options)).ToList();
        var heartFailure = outcomes.Where(o => o.Condition == Condition.HeartFailure).ToList();
        var weight = new[] { RuleIds.WeightGain, RuleIds.WeightMacd }
            .Select(id => Detection(id, heartFailure, new HashSet<string> { id }, [EpisodeKind.HeartFailureDecompensation], options)).ToList();
        var byKind = allKinds.ToDictionary(k => k, k => outcomes.Sum(o => o.Episodes.Count(e => e.Kind == k)));
        return new CohortReport(options, outcomes.Sum(o => o.Days) / 365.0, byKind, perRule, overall, ChanceLevel(outcomes, options), byKindMetrics, weight,
            Technical(outcomes), outcomes.Sum(o => o.SuppressedDuplicates), RepeatAlerts(outcomes, options));
    }

    /// <summary>
    /// Detection over <paramref name="outcomes"/> by the alerts of <paramref name="rules"/> (null = each citizen's
    /// enabled clinical rules), for episodes of <paramref name="kinds"/>.
    /// </summary>
    public static DetectionMetrics Detection(
        string name, IReadOnlyList<PatientOutcome> outcomes, IReadOnlySet<string>? rules, IReadOnlyList<EpisodeKind> kinds, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(options);
        int episodes = 0, detected = 0, trueAlerts = 0, falseAlerts = 0;
        var leads = new List<int>();
        foreach (var outcome in outcomes)
        {
            var alerts = outcome.Alerts
                .Where(a => a.Category == AlertCategory.Clinical && (rules?.Contains(a.RuleId) ?? outcome.EnabledRules.Contains(a.RuleId)))
                .ToList();
            foreach (var alert in alerts)
            {
                if (outcome.Episodes.Any(e => InWindow(alert.Day, e, options)))
                {
                    trueAlerts++;
                }
                else
                {
                    falseAlerts++;
                }
            }

            foreach (var episode in outcome.Episodes.Where(e => kinds.Contains(e.Kind)))
            {
                episodes++;
                var first = alerts.Where(a => InWindow(a.Day, episode, options)).Select(a => (int?)a.Day).Min();
                if (first is { } day)
                {
                    detected++;
                    leads.Add(episode.OnsetDay - day);
                }
            }
        }

        return new DetectionMetrics(name, outcomes.Count, outcomes.Sum(o => o.Days) / DaysPerMonth, episodes, detected, trueAlerts, falseAlerts, leads);
    }

    /// <summary>
    /// Chance level: the same detection windows placed at episode-free times (each episode's onset shifted by ±60,
    /// ±120 … days to the first spot whose window touches no episode), scored with the enabled rules' alerts. What the
    /// alert rate alone would "detect"; the sensitivity above it is what the rules add.
    /// </summary>
    public static DetectionMetrics ChanceLevel(IReadOnlyList<PatientOutcome> outcomes, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(options);
        var shifted = outcomes.Select(o => o with { Episodes = ShiftedEpisodes(o, options) }).ToList();
        return Detection("chance level", shifted, null, Enum.GetValues<EpisodeKind>(), options);
    }

    private static List<LabelledEpisode> ShiftedEpisodes(PatientOutcome outcome, EvaluationOptions options)
    {
        var shifted = new List<LabelledEpisode>();
        foreach (var episode in outcome.Episodes)
        {
            foreach (var shift in new[] { 60, -60, 120, -120, 180, -180 })
            {
                var onset = episode.OnsetDay + shift;
                var from = onset - options.LookaheadDays;
                var to = onset + options.AfterOnsetDays;
                var clear = from >= EpisodePlanner.RunInDays - options.LookaheadDays && to < outcome.Days
                    && outcome.Episodes.All(e => to < e.StartDay - options.LookaheadDays || from > e.EndDay + options.AfterOnsetDays)
                    && shifted.All(e => to < e.OnsetDay - options.LookaheadDays || from > e.OnsetDay + options.AfterOnsetDays);
                if (clear)
                {
                    shifted.Add(episode with { OnsetDay = onset });
                    break;
                }
            }
        }

        return shifted;
    }

    /// <summary>True when <paramref name="day"/> is inside the episode's detection window.</summary>
    public static bool InWindow(int day, LabelledEpisode episode, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(options);
        return day >= episode.OnsetDay - options.LookaheadDays && day <= episode.OnsetDay + options.AfterOnsetDays;
    }

    /// <summary>The episode kind planted for a condition.</summary>
    public static EpisodeKind KindOf(Condition condition) => condition switch
    {
        Condition.HeartFailure => EpisodeKind.HeartFailureDecompensation,
        Condition.Copd => EpisodeKind.CopdExacerbation,
        Condition.AtRisk => EpisodeKind.Deconditioning,
        _ => EpisodeKind.RehabRegression,
    };

    private static TechnicalMetrics Technical(IReadOnlyList<PatientOutcome> outcomes)
    {
        int alerts = 0, longDropouts = 0, detected = 0, unexplained = 0;
        foreach (var outcome in outcomes)
        {
            var technical = outcome.Alerts.Where(a => a.Category == AlertCategory.Technical).ToList();
            alerts += technical.Count;
            foreach (var dropout in outcome.Dropouts.Where(d => d.Duration >= TimeSpan.FromDays(1)))
            {
                longDropouts++;
                if (technical.Any(a => (dropout.DeviceId == DeviceIds.Gateway || a.Subject == dropout.DeviceId)
                    && a.OpenedAt >= dropout.Start && a.OpenedAt <= dropout.End.AddDays(1)))
                {
                    detected++;
                }
            }

            unexplained += technical.Count(a => !outcome.Dropouts.Any(d => (d.DeviceId == a.Subject || d.DeviceId == DeviceIds.Gateway)
                && d.Start <= a.OpenedAt && d.End >= a.OpenedAt.AddDays(-1)));
        }

        return new TechnicalMetrics(alerts, outcomes.Sum(o => o.Days) / DaysPerMonth, longDropouts, detected, unexplained);
    }

    private static int RepeatAlerts(IReadOnlyList<PatientOutcome> outcomes, EvaluationOptions options)
    {
        var repeats = 0;
        foreach (var outcome in outcomes)
        {
            foreach (var episode in outcome.Episodes)
            {
                repeats += outcome.Alerts.Where(a => a.Category == AlertCategory.Clinical && InWindow(a.Day, episode, options))
                    .GroupBy(a => a.RuleId).Sum(g => g.Count() - 1);
            }
        }

        return repeats;
    }
}
