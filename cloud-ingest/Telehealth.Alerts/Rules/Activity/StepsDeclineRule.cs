using Telehealth.Alerts.Observations;
using static Telehealth.Alerts.Rules.Formatting;

namespace Telehealth.Alerts.Rules.Activity;

/// <summary>
/// Personal baseline: the mean daily steps of the last <c>StepsRecentDays</c> complete days is below
/// <c>StepsFraction</c> of the mean of a <c>StepsBaselineDays</c>-day baseline that ends <c>StepsBaselineLagDays</c>
/// days before them, judged on
/// <c>StepsPersistDays</c> consecutive days. Only valid days count (at least <c>StepsMinWearHours</c> hours with
/// wearable data): a day the wearable was not worn is missing, never zero. Today (incomplete) is never used.
/// </summary>
public sealed class StepsDeclineRule : IAlertRule
{
    /// <inheritdoc/>
    public string Id => RuleIds.StepsDecline;

    /// <inheritdoc/>
    public AlertCategory Category => AlertCategory.Clinical;

    /// <inheritdoc/>
    public string Source => RuleSources.Steps;

    /// <inheritdoc/>
    public int LookbackDays => 40;

    /// <inheritdoc/>
    public IReadOnlyList<string> Metrics { get; } = [MetricNames.Steps];

    /// <inheritdoc/>
    public IEnumerable<AlertFiring> Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Settings;
        var table = context.Daily(MetricNames.Steps);
        double recentMean = 0, baselineMean = 0;
        var first = context.Today - s.StepsPersistDays + 1;
        for (var evaluationDay = first; evaluationDay <= context.Today; evaluationDay++)
        {
            var recent = Valid(table, evaluationDay - s.StepsRecentDays, evaluationDay - 1, s.StepsMinWearHours);
            var baselineEnd = evaluationDay - s.StepsRecentDays - s.StepsBaselineLagDays - 1;
            var baseline = Valid(table, baselineEnd - s.StepsBaselineDays + 1, baselineEnd, s.StepsMinWearHours);
            if (recent.Count < s.StepsRecentMinDays || baseline.Count < s.StepsBaselineMinDays)
            {
                yield break;
            }

            recentMean = DailyStatistics.Mean(recent);
            baselineMean = DailyStatistics.Mean(baseline);
            if (recentMean >= s.StepsFraction * baselineMean)
            {
                yield break;
            }
        }

        var windowStart = first - s.StepsRecentDays - s.StepsBaselineLagDays - s.StepsBaselineDays;
        yield return context.Clinical(this, windowStart, context.Today - 1,
            [
                new ObservedValue($"{s.StepsRecentDays}-day mean to {Day(context.Today - 1)}", recentMean),
                new ObservedValue($"{s.StepsBaselineDays}-day baseline", baselineMean),
            ],
            s.StepsFraction * baselineMean,
            Text($"{s.StepsFraction:P0} of the {s.StepsBaselineDays}-day baseline {F0(baselineMean)} steps/day (ending {s.StepsBaselineLagDays} days before the recent days)"),
            "{steps}/d",
            Text($"Daily steps fell to {F0(recentMean)} (mean of {s.StepsRecentDays} days), {recentMean / baselineMean:P0} of the personal baseline {F0(baselineMean)}, below {s.StepsFraction:P0} for {s.StepsPersistDays} days."));
    }

    private static List<DayValue> Valid(DailyTable table, int from, int to, int minWearHours)
    {
        var values = new List<DayValue>(to - from + 1);
        for (var day = from; day <= to; day++)
        {
            if (table.TryGet(day, out var aggregate) && aggregate.HoursWithData >= minWearHours)
            {
                values.Add(new DayValue(day, aggregate.Sum));
            }
        }

        return values;
    }
}
