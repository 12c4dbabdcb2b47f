using Telehealth.Alerts.Observations;
using static Telehealth.Alerts.Rules.Formatting;

namespace Telehealth.Alerts.Rules.BloodPressure;

/// <summary>Fixed thresholds: today's mean systolic pressure is above <c>SystolicHigh</c> or below <c>SystolicLow</c>.</summary>
public sealed class SystolicRangeRule : IAlertRule
{
    /// <inheritdoc/>
    public string Id => RuleIds.BloodPressure;

    /// <inheritdoc/>
    public AlertCategory Category => AlertCategory.Clinical;

    /// <inheritdoc/>
    public string Source => RuleSources.BloodPressure;

    /// <inheritdoc/>
    public int LookbackDays => 1;

    /// <inheritdoc/>
    public IReadOnlyList<string> Metrics { get; } = [MetricNames.Systolic];

    /// <inheritdoc/>
    public IEnumerable<AlertFiring> Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Settings;
        if (!context.Daily(MetricNames.Systolic).TryGet(context.Today, out var today))
        {
            yield break;
        }

        var mean = today.Mean;
        var high = mean > s.SystolicHigh;
        if (!high && mean >= s.SystolicLow)
        {
            yield break;
        }

        var limit = high ? s.SystolicHigh : s.SystolicLow;
        yield return context.Clinical(this, context.Today, context.Today,
            [new ObservedValue($"mean of {today.Count} systolic readings {Day(context.Today)}", mean), new ObservedValue("lowest", today.Min), new ObservedValue("highest", today.Max)],
            limit,
            high ? Text($"systolic > {F0(s.SystolicHigh)} mm[Hg]") : Text($"systolic < {F0(s.SystolicLow)} mm[Hg]"),
            "mm[Hg]",
            Text($"Systolic blood pressure {F0(mean)} mm[Hg] today (mean of {today.Count}) is {(high ? "above" : "below")} {F0(limit)}."));
    }
}
