using Telehealth.Alerts.Observations;
using static Telehealth.Alerts.Rules.Formatting;

namespace Telehealth.Alerts.Rules.Spo2;

/// <summary>Change over a window: today's SpO2 is more than <c>Spo2DayDrop</c> points below yesterday's.</summary>
public sealed class Spo2DropRule : IAlertRule
{
    /// <inheritdoc/>
    public string Id => RuleIds.Spo2Drop;

    /// <inheritdoc/>
    public AlertCategory Category => AlertCategory.Clinical;

    /// <inheritdoc/>
    public string Source => RuleSources.Spo2Fixed;

    /// <inheritdoc/>
    public int LookbackDays => 2;

    /// <inheritdoc/>
    public IReadOnlyList<string> Metrics { get; } = [MetricNames.Spo2];

    /// <inheritdoc/>
    public IEnumerable<AlertFiring> Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var table = context.Daily(MetricNames.Spo2);
        if (!Spo2Days.TryJudgeable(table, context.Today, settings.Spo2MinReadings, out var today)
            || !Spo2Days.TryJudgeable(table, context.Today - 1, settings.Spo2MinReadings, out var yesterday))
        {
            yield break;
        }

        var drop = yesterday - today;
        if (drop <= settings.Spo2DayDrop)
        {
            yield break;
        }

        yield return context.Clinical(this, context.Today - 1, context.Today,
            [new ObservedValue($"SpO2 {Day(context.Today - 1)}", yesterday), new ObservedValue($"SpO2 {Day(context.Today)}", today)],
            settings.Spo2DayDrop,
            Text($"drop > {F0(settings.Spo2DayDrop)} points from yesterday"),
            "%",
            Text($"SpO2 fell {F0(drop)} points since yesterday ({F0(yesterday)} → {F0(today)} %), more than {F0(settings.Spo2DayDrop)}."));
    }
}
