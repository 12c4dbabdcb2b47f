namespace Telehealth.UnitTests.Devices.Gatt.Support;

/// <summary>A GATT Date Time as sent on the wire.</summary>
public sealed record RawDateTime(int Year, int Month, int Day, int Hours, int Minutes, int Seconds)
{
    public bool IsUnknown => Year == 0 || Month == 0 || Day == 0;

    public DateTimeOffset? Expected(TimeSpan zone) =>
        IsUnknown ? null : new DateTimeOffset(Year, Month, Day, Hours, Minutes, Seconds, zone);
}
