using Telehealth.Alerts.Observations;
using static Telehealth.Alerts.Rules.Formatting;

namespace Telehealth.Alerts.Rules.Weight;

/// <summary>
/// MACD trend rule: the short-span exponential moving average of daily weight minus the long-span one exceeds
/// <c>MacdThresholdKg</c>. Days without a weight are skipped; a gap of g days weighs the next value as g steps
/// (α_eff = 1 − (1 − α)^g). Silent until <c>MacdMinDays</c> weighed days in the last 28 days.
/// </summary>
public sealed class WeightMacdRule : IAlertRule
{
    private const int RecentDays = 28;

    /// <inheritdoc/>
    public string Id => RuleIds.WeightMacd;

    /// <inheritdoc/>
    public AlertCategory Category => AlertCategory.Clinical;

    /// <inheritdoc/>
    public string Source => RuleSources.WeightMacd;

    /// <inheritdoc/>
    public int LookbackDays => 60;

    /// <inheritdoc/>
    public IReadOnlyList<string> Metrics { get; } = [MetricNames.BodyWeight];

    /// <inheritdoc/>
    public IEnumerable<AlertFiring> Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var weights = context.Daily(MetricNames.BodyWeight);
        if (!weights.TryGet(context.Today, out _))
        {
            yield break;
        }

        var series = weights.Values(context.Today - LookbackDays + 1, context.Today, d => d.First);
        var recent = series.Count(v => v.Day > context.Today - RecentDays);
        if (recent < settings.MacdMinDays)
        {
            yield break;
        }

        var (shortEma, longEma) = Emas(series, settings.MacdShortDays, settings.MacdLongDays);
        var macd = shortEma - longEma;
        if (macd <= settings.MacdThresholdKg)
        {
            yield break;
        }

        var today = series[^1].Value;
        yield return context.Clinical(this, series[0].Day, context.Today,
            [
                new ObservedValue($"weight {Day(context.Today)}", today),
                new ObservedValue($"EMA {settings.MacdShortDays} d", shortEma),
                new ObservedValue($"EMA {settings.MacdLongDays} d", longEma),
                new ObservedValue("MACD", macd),
            ],
            settings.MacdThresholdKg,
            Text($"EMA({settings.MacdShortDays} d) − EMA({settings.MacdLongDays} d) > {F1(settings.MacdThresholdKg)} kg"),
            "kg",
            Text($"Weight trend up: {settings.MacdShortDays}-day average {F1(shortEma)} kg is {F1(macd)} kg above the {settings.MacdLongDays}-day average {F1(longEma)} kg (limit {F1(settings.MacdThresholdKg)} kg)."));
    }

    /// <summary>The short and long EMAs at the last value of <paramref name="series"/>.</summary>
    public static (double Short, double Long) Emas(IReadOnlyList<DayValue> series, int shortDays, int longDays)
    {
        ArgumentNullException.ThrowIfNull(series);
        var shortAlpha = 2.0 / (shortDays + 1);
        var longAlpha = 2.0 / (longDays + 1);
        var shortEma = series[0].Value;
        var longEma = series[0].Value;
        for (var i = 1; i < series.Count; i++)
        {
            var gap = series[i].Day - series[i - 1].Day;
            var s = 1 - Math.Pow(1 - shortAlpha, gap);
            var l = 1 - Math.Pow(1 - longAlpha, gap);
            shortEma += s * (series[i].Value - shortEma);
            longEma += l * (series[i].Value - longEma);
        }

        return (shortEma, longEma);
    }
}
