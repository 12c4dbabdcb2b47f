using Telehealth.Alerts.Profiles;
using Telehealth.Alerts.Rules.Activity;
using Telehealth.Alerts.Rules.BloodPressure;
using Telehealth.Alerts.Rules.HeartRate;
using Telehealth.Alerts.Rules.Rehab;
using Telehealth.Alerts.Rules.Spo2;
using Telehealth.Alerts.Rules.Technical;
using Telehealth.Alerts.Rules.Weight;

namespace Telehealth.Alerts.Rules;

/// <summary>All rules, and which are enabled by default for each condition.</summary>
public static class RuleCatalog
{
    private static readonly IAlertRule[] Rules =
    [
        new WeightGainRule(),
        new WeightMacdRule(),
        new Spo2FloorRule(),
        new Spo2DropRule(),
        new Spo2BaselineRule(),
        new RestingHeartRateRule(),
        new StepsDeclineRule(),
        new SystolicRangeRule(),
        new RehabAdherenceRule(),
        RegressionRule.RangeOfMotion,
        RegressionRule.Repetitions,
        RegressionRule.Grip,
        new DeviceSilenceRule(),
    ];

    private static readonly Dictionary<string, IAlertRule> ById = Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>Every rule.</summary>
    public static IReadOnlyList<IAlertRule> All => Rules;

    /// <summary>The rule with this id.</summary>
    public static IAlertRule Get(string id) =>
        ById.TryGetValue(id, out var rule) ? rule : throw new ArgumentException($"Unknown alert rule '{id}'.", nameof(id));

    /// <summary>The rules with these ids, in catalogue order; unknown ids throw.</summary>
    public static IReadOnlyList<IAlertRule> Resolve(IEnumerable<string> ids)
    {
        var wanted = ids.Select(Get).ToHashSet();
        return Rules.Where(wanted.Contains).ToList();
    }

    /// <summary>
    /// Rules enabled by default. Heart failure gets the MACD weight rule; the 2 kg / 3 days rule of thumb is offered
    /// but off by default (it has more false alerts at no better sensitivity, see docs/alert-rules.md).
    /// </summary>
    public static IReadOnlyList<string> DefaultRuleIds(IEnumerable<Condition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var ids = new HashSet<string>(StringComparer.Ordinal) { RuleIds.BloodPressure, RuleIds.StepsDecline, RuleIds.DeviceSilence };
        foreach (var condition in conditions)
        {
            ids.UnionWith(condition switch
            {
                Condition.HeartFailure => [RuleIds.WeightMacd, RuleIds.RestingHeartRate],
                Condition.Copd => [RuleIds.Spo2Floor, RuleIds.Spo2Drop, RuleIds.Spo2Baseline, RuleIds.RestingHeartRate],
                Condition.KneeRehabilitation or Condition.HipRehabilitation => [RuleIds.RehabAdherence, RuleIds.RangeOfMotion, RuleIds.Repetitions, RuleIds.Grip],
                Condition.AtRisk => [RuleIds.RestingHeartRate],
                _ => [],
            });
        }

        return Rules.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToList();
    }

    /// <summary>Rules a clinician may enable for the conditions (defaults plus optional ones such as the weight rule of thumb).</summary>
    public static IReadOnlyList<string> OfferedRuleIds(IEnumerable<Condition> conditions)
    {
        var list = conditions.ToList();
        var ids = DefaultRuleIds(list).ToHashSet(StringComparer.Ordinal);
        if (list.Contains(Condition.HeartFailure))
        {
            ids.Add(RuleIds.WeightGain);
        }

        return Rules.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToList();
    }
}
