namespace Telehealth.Alerts.Observations;

/// <summary>Maps instants to the patient's local day and hour (a fixed UTC offset per patient).</summary>
public static class LocalDays
{
    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The local day of <paramref name="time"/> as <see cref="DateOnly.DayNumber"/>.</summary>
    public static int DayOf(DateTimeOffset time, TimeSpan utcOffset)
        => (int)Math.Floor((time.UtcTicks - DateTime.UnixEpoch.Ticks + utcOffset.Ticks) / (double)TimeSpan.TicksPerDay) + EpochDayNumber;

    /// <summary>The local hour (0–23) of <paramref name="time"/>.</summary>
    public static int HourOf(DateTimeOffset time, TimeSpan utcOffset)
    {
        var ticksOfDay = (time.UtcTicks + utcOffset.Ticks) % TimeSpan.TicksPerDay;
        return (int)(ticksOfDay / TimeSpan.TicksPerHour);
    }

    /// <summary>The instant local midnight of <paramref name="day"/> begins.</summary>
    public static DateTimeOffset StartOf(int day, TimeSpan utcOffset)
        => new DateTimeOffset(DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.MinValue), utcOffset);
}
