using Telehealth.Alerts.Rules;
using Telehealth.Cohort.Citizens;

namespace Telehealth.Cohort.Evaluation;

/// <summary>Which labelled episodes a rule is meant to catch (its per-rule sensitivity is computed over those).</summary>
public static class RuleTargets
{
    /// <summary>The episode kinds the rule targets; empty when it targets none of the planted kinds (e.g. blood pressure).</summary>
    public static IReadOnlyList<EpisodeKind> Of(string ruleId) => ruleId switch
    {
        RuleIds.WeightGain or RuleIds.WeightMacd => [EpisodeKind.HeartFailureDecompensation],
        RuleIds.Spo2Floor or RuleIds.Spo2Drop or RuleIds.Spo2Baseline => [EpisodeKind.CopdExacerbation],
        RuleIds.RestingHeartRate => [EpisodeKind.HeartFailureDecompensation, EpisodeKind.CopdExacerbation],
        RuleIds.StepsDecline => [EpisodeKind.HeartFailureDecompensation, EpisodeKind.CopdExacerbation, EpisodeKind.Deconditioning, EpisodeKind.RehabRegression],
        RuleIds.RehabAdherence or RuleIds.RangeOfMotion or RuleIds.Repetitions or RuleIds.Grip => [EpisodeKind.RehabRegression],
        _ => [],
    };
}
