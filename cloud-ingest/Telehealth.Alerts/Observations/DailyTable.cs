using System.Runtime.InteropServices;

namespace Telehealth.Alerts.Observations;

/// <summary>One metric's readings folded per local day (day = <see cref="DateOnly.DayNumber"/>).</summary>
public sealed class DailyTable
{
    private readonly Dictionary<int, DayAggregate> _days = [];

    /// <summary>An empty table.</summary>
    public static DailyTable Empty { get; } = new();

    /// <summary>Number of days with at least one reading.</summary>
    public int DayCount => _days.Count;

    /// <summary>Folds one reading in.</summary>
    public void Add(int day, int localHour, double value)
        => CollectionsMarshal.GetValueRefOrAddDefault(_days, day, out _).Add(value, localHour);

    /// <summary>The day's aggregate, when the day has readings.</summary>
    public bool TryGet(int day, out DayAggregate aggregate) => _days.TryGetValue(day, out aggregate);

    /// <summary>Values of the days in [from, to] that have readings, in day order, chosen by <paramref name="select"/>.</summary>
    public List<DayValue> Values(int from, int to, Func<DayAggregate, double> select)
    {
        var values = new List<DayValue>(Math.Max(0, to - from + 1));
        for (var day = from; day <= to; day++)
        {
            if (_days.TryGetValue(day, out var aggregate))
            {
                values.Add(new DayValue(day, select(aggregate)));
            }
        }

        return values;
    }
}
