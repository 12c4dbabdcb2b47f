using Telehealth.Alerts.Observations;
using static Telehealth.Alerts.Rules.Formatting;

namespace Telehealth.Alerts.Rules.Weight;

/// <summary>
/// Rule of thumb: today's weight is more than <c>WeightGainKg</c> above the lowest weight of the previous
/// <c>WeightGainDays</c> days. A day's weight is its first (morning) reading.
/// </summary>
public sealed class WeightGainRule : IAlertRule
{
    /// <inheritdoc/>
    public string Id => RuleIds.WeightGain;

    /// <inheritdoc/>
    public AlertCategory Category => AlertCategory.Clinical;

    /// <inheritdoc/>
    public string Source => RuleSources.WeightRuleOfThumb;

    /// <inheritdoc/>
    public int LookbackDays => 8;

    /// <inheritdoc/>
    public IReadOnlyList<string> Metrics { get; } = [MetricNames.BodyWeight];

    /// <inheritdoc/>
    public IEnumerable<AlertFiring> Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var weights = context.Daily(MetricNames.BodyWeight);
        if (!weights.TryGet(context.Today, out var today))
        {
            yield break;
        }

        var earlier = weights.Values(context.Today - settings.WeightGainDays, context.Today - 1, d => d.First);
        if (earlier.Count == 0)
        {
            yield break;
        }

        var lowest = earlier.MinBy(v => v.Value);
        var gain = today.First - lowest.Value;
        if (gain <= settings.WeightGainKg)
        {
            yield break;
        }

        yield return context.Clinical(this, lowest.Day, context.Today,
            [new ObservedValue($"weight {Day(lowest.Day)}", lowest.Value), new ObservedValue($"weight {Day(context.Today)}", today.First)],
            settings.WeightGainKg,
            Text($"gain > {F1(settings.WeightGainKg)} kg within {settings.WeightGainDays} days"),
            "kg",
            Text($"Weight rose {F1(gain)} kg in {context.Today - lowest.Day} days ({F1(lowest.Value)} → {F1(today.First)} kg), above {F1(settings.WeightGainKg)} kg in {settings.WeightGainDays} days."));
    }
}
