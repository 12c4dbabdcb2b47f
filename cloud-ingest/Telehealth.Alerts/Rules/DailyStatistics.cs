using Telehealth.Alerts.Observations;

namespace Telehealth.Alerts.Rules;

/// <summary>Mean and sample SD of daily values.</summary>
internal static class DailyStatistics
{
    public static double Mean(IReadOnlyList<DayValue> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value.Value;
        }

        return values.Count == 0 ? double.NaN : sum / values.Count;
    }

    public static double StandardDeviation(IReadOnlyList<DayValue> values)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }

        var mean = Mean(values);
        var squares = 0.0;
        foreach (var value in values)
        {
            squares += (value.Value - mean) * (value.Value - mean);
        }

        return Math.Sqrt(squares / (values.Count - 1));
    }
}
