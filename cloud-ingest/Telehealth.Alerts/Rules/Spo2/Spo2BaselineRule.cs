using Telehealth.Alerts.Observations;
using static Telehealth.Alerts.Rules.Formatting;

namespace Telehealth.Alerts.Rules.Spo2;

/// <summary>
/// Personal baseline: the day's SpO2 is below the mean − z·SD of the previous <c>Spo2BaselineDays</c> days, and at
/// least <c>Spo2BaselineMinDrop</c> points below the mean, on <c>Spo2BaselinePersistDays</c> consecutive days.
/// Silent while the baseline has fewer than <c>Spo2BaselineMinDays</c> days.
/// </summary>
public sealed class Spo2BaselineRule : IAlertRule
{
    /// <inheritdoc/>
    public string Id => RuleIds.Spo2Baseline;

    /// <inheritdoc/>
    public AlertCategory Category => AlertCategory.Clinical;

    /// <inheritdoc/>
    public string Source => RuleSources.Spo2Baseline;

    /// <inheritdoc/>
    public int LookbackDays => 14;

    /// <inheritdoc/>
    public IReadOnlyList<string> Metrics { get; } = [MetricNames.Spo2];

    /// <inheritdoc/>
    public IEnumerable<AlertFiring> Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var table = context.Daily(MetricNames.Spo2);
        var observed = new List<ObservedValue>();
        double mean = 0, sd = 0, limit = 0;
        for (var day = context.Today - settings.Spo2BaselinePersistDays + 1; day <= context.Today; day++)
        {
            if (!Spo2Days.TryJudgeable(table, day, settings.Spo2MinReadings, out var value))
            {
                yield break;
            }

            var baseline = table.Values(day - settings.Spo2BaselineDays, day - 1, Spo2Days.Best);
            if (baseline.Count < settings.Spo2BaselineMinDays)
            {
                yield break;
            }

            mean = DailyStatistics.Mean(baseline);
            sd = Math.Max(DailyStatistics.StandardDeviation(baseline), settings.Spo2BaselineSdFloor);
            limit = Math.Min(mean - (settings.Spo2BaselineZ * sd), mean - settings.Spo2BaselineMinDrop);
            if (value >= limit)
            {
                yield break;
            }

            observed.Add(new ObservedValue($"SpO2 {Day(day)}", value));
        }

        var first = context.Today - settings.Spo2BaselinePersistDays + 1;
        observed.Add(new ObservedValue($"{settings.Spo2BaselineDays}-day mean", mean));
        observed.Add(new ObservedValue($"{settings.Spo2BaselineDays}-day SD", sd));
        yield return context.Clinical(this, first - settings.Spo2BaselineDays, context.Today, observed, limit,
            Text($"{settings.Spo2BaselineDays}-day mean {F1(mean)} − {settings.Spo2BaselineZ} × SD {F1(sd)} (at least {F0(settings.Spo2BaselineMinDrop)} points)"),
            "%",
            Text($"SpO2 below the personal baseline on {settings.Spo2BaselinePersistDays} days running (today {F0(observed[^3].Value)} %, limit {F1(limit)} %)."));
    }
}
