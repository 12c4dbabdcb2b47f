namespace Telehealth.Alerts.Observations;

/// <summary>A daily value of a metric.</summary>
/// <param name="Day">Local day as <see cref="DateOnly.DayNumber"/>.</param>
/// <param name="Value">The value.</param>
public readonly record struct DayValue(int Day, double Value)
{
    /// <summary>The local day as a date.</summary>
    public DateOnly Date => DateOnly.FromDayNumber(Day);
}
