using Telehealth.Alerts.Observations;

namespace Telehealth.Alerts.Rules.Spo2;

/// <summary>
/// A day's SpO2 is its best (highest) reading: oximeter artefacts (motion, cold fingers, poor perfusion) read low,
/// so the best of the day is robust to one bad reading while a real desaturation lowers every reading.
/// </summary>
internal static class Spo2Days
{
    public static double Best(DayAggregate day) => day.Max;

    public static bool TryJudgeable(DailyTable table, int day, int minReadings, out double best)
    {
        if (table.TryGet(day, out var aggregate) && aggregate.Count >= minReadings)
        {
            best = aggregate.Max;
            return true;
        }

        best = double.NaN;
        return false;
    }
}
