using Telehealth.Alerts.Observations;
using static Telehealth.Alerts.Rules.Formatting;

namespace Telehealth.Alerts.Rules.HeartRate;

/// <summary>
/// Personal baseline: the daily resting heart rate is more than <c>RestingHrRise</c> above the mean of a
/// <c>RestingHrBaselineDays</c>-day baseline ending <c>RestingHrBaselineLagDays</c> days earlier, on
/// <c>RestingHrPersistDays</c> consecutive days. Silent while the baseline has fewer than
/// <c>RestingHrBaselineMinDays</c> days.
/// </summary>
public sealed class RestingHeartRateRule : IAlertRule
{
    /// <inheritdoc/>
    public string Id => RuleIds.RestingHeartRate;

    /// <inheritdoc/>
    public AlertCategory Category => AlertCategory.Clinical;

    /// <inheritdoc/>
    public string Source => RuleSources.RestingHeartRate;

    /// <inheritdoc/>
    public int LookbackDays => 24;

    /// <inheritdoc/>
    public IReadOnlyList<string> Metrics { get; } = [MetricNames.RestingHeartRate];

    /// <inheritdoc/>
    public IEnumerable<AlertFiring> Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Settings;
        var table = context.Daily(MetricNames.RestingHeartRate);
        var observed = new List<ObservedValue>();
        var baselineMean = 0.0;
        var first = context.Today - s.RestingHrPersistDays + 1;
        for (var day = first; day <= context.Today; day++)
        {
            if (!table.TryGet(day, out var aggregate))
            {
                yield break;
            }

            var end = day - s.RestingHrBaselineLagDays;
            var baseline = table.Values(end - s.RestingHrBaselineDays + 1, end, d => d.Last);
            if (baseline.Count < s.RestingHrBaselineMinDays)
            {
                yield break;
            }

            baselineMean = DailyStatistics.Mean(baseline);
            if (aggregate.Last <= baselineMean + s.RestingHrRise)
            {
                yield break;
            }

            observed.Add(new ObservedValue($"resting HR {Day(day)}", aggregate.Last));
        }

        var today = observed[^1].Value;
        observed.Add(new ObservedValue($"{s.RestingHrBaselineDays}-day baseline", baselineMean));
        yield return context.Clinical(this, first - s.RestingHrBaselineLagDays - s.RestingHrBaselineDays + 1, context.Today, observed,
            baselineMean + s.RestingHrRise,
            Text($"baseline {F0(baselineMean)} /min (mean of {s.RestingHrBaselineDays} days ending {s.RestingHrBaselineLagDays} days ago) + {F0(s.RestingHrRise)}"),
            "/min",
            Text($"Resting heart rate {F0(today)} /min is more than {F0(s.RestingHrRise)} above the personal baseline {F0(baselineMean)} /min on {s.RestingHrPersistDays} days running."));
    }
}
