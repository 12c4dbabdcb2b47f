using Telehealth.Alerts.Observations;
using static Telehealth.Alerts.Rules.Formatting;

namespace Telehealth.Alerts.Rules.Spo2;

/// <summary>Fixed threshold: every reading today (at least <c>Spo2MinReadings</c>) is below <c>Spo2Floor</c>.</summary>
public sealed class Spo2FloorRule : IAlertRule
{
    /// <inheritdoc/>
    public string Id => RuleIds.Spo2Floor;

    /// <inheritdoc/>
    public AlertCategory Category => AlertCategory.Clinical;

    /// <inheritdoc/>
    public string Source => RuleSources.Spo2Fixed;

    /// <inheritdoc/>
    public int LookbackDays => 1;

    /// <inheritdoc/>
    public IReadOnlyList<string> Metrics { get; } = [MetricNames.Spo2];

    /// <inheritdoc/>
    public IEnumerable<AlertFiring> Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var table = context.Daily(MetricNames.Spo2);
        if (!Spo2Days.TryJudgeable(table, context.Today, settings.Spo2MinReadings, out var best) || best >= settings.Spo2Floor)
        {
            yield break;
        }

        table.TryGet(context.Today, out var today);
        yield return context.Clinical(this, context.Today, context.Today,
            [new ObservedValue($"best of {today.Count} readings {Day(context.Today)}", best), new ObservedValue("lowest", today.Min)],
            settings.Spo2Floor,
            Text($"all readings below {F0(settings.Spo2Floor)} %"),
            "%",
            Text($"SpO2 below {F0(settings.Spo2Floor)} % in all {today.Count} readings today (best {F0(best)} %)."));
    }
}
