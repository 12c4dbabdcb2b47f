using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Profiles;
using static Telehealth.Alerts.Rules.Formatting;

namespace Telehealth.Alerts.Rules.Rehab;

/// <summary>
/// Regression vs the best of the last weeks: the mean of the last <c>RegressionRecentSessions</c> session days in
/// the last 7 days is more than a fraction below the best weekly mean of the <c>RegressionBestWeeks</c> weeks before.
/// A week counts with 2 or more session days; silent until 2 weeks count and 2 recent session days exist.
/// </summary>
public sealed class RegressionRule : IAlertRule
{
    private const int Week = 7;
    private const int MinDays = 2;
    private readonly string _metric;
    private readonly string _unit;
    private readonly string _label;
    private readonly Func<PatientRuleSettings, double> _dropFraction;

    /// <summary>Creates the rule for one metric.</summary>
    public RegressionRule(string id, string metric, string unit, string label, Func<PatientRuleSettings, double> dropFraction)
    {
        Id = id;
        _metric = metric;
        _unit = unit;
        _label = label;
        _dropFraction = dropFraction;
        Metrics = [metric];
    }

    /// <summary>Range of motion regression.</summary>
    public static RegressionRule RangeOfMotion { get; } =
        new(RuleIds.RangeOfMotion, MetricNames.RangeOfMotion, "deg", "range of motion", s => s.RangeOfMotionDropFraction);

    /// <summary>Repetitions regression.</summary>
    public static RegressionRule Repetitions { get; } =
        new(RuleIds.Repetitions, MetricNames.Repetitions, "{count}", "repetitions", s => s.RepetitionsDropFraction);

    /// <summary>Grip force regression.</summary>
    public static RegressionRule Grip { get; } =
        new(RuleIds.Grip, MetricNames.GripForce, "N", "grip force", s => s.GripDropFraction);

    /// <inheritdoc/>
    public string Id { get; }

    /// <inheritdoc/>
    public AlertCategory Category => AlertCategory.Clinical;

    /// <inheritdoc/>
    public string Source => RuleSources.Rehab;

    /// <inheritdoc/>
    public int LookbackDays => Week * (PatientRuleSettings.Default.RegressionBestWeeks + 2);

    /// <inheritdoc/>
    public IReadOnlyList<string> Metrics { get; }

    /// <inheritdoc/>
    public IEnumerable<AlertFiring> Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Settings;
        var table = context.Daily(_metric);
        var recentDays = table.Values(context.Today - Week + 1, context.Today, d => d.Mean);
        if (recentDays.Count < MinDays)
        {
            yield break;
        }

        var recent = recentDays.TakeLast(s.RegressionRecentSessions).ToList();
        var recentMean = DailyStatistics.Mean(recent);
        var best = double.NaN;
        var weeks = 0;
        for (var week = 1; week <= s.RegressionBestWeeks; week++)
        {
            var end = context.Today - (Week * week);
            var values = table.Values(end - Week + 1, end, d => d.Mean);
            if (values.Count >= MinDays)
            {
                weeks++;
                var mean = DailyStatistics.Mean(values);
                best = double.IsNaN(best) ? mean : Math.Max(best, mean);
            }
        }

        var limit = best * (1 - _dropFraction(s));
        if (weeks < MinDays || recentMean >= limit)
        {
            yield break;
        }

        var windowStart = context.Today - (Week * (s.RegressionBestWeeks + 1)) + 1;
        yield return context.Clinical(this, windowStart, context.Today,
            [new ObservedValue($"mean of last {recent.Count} session days", recentMean), new ObservedValue($"best weekly mean of {weeks} weeks", best)],
            limit,
            Text($"{_dropFraction(s):P0} below the best weekly mean {F1(best)} {_unit} of the previous {s.RegressionBestWeeks} weeks"),
            _unit,
            Text($"The {_label} regressed to {F1(recentMean)} {_unit} (last {recent.Count} session days), more than {_dropFraction(s):P0} below the best weekly mean {F1(best)} {_unit}."));
    }
}
