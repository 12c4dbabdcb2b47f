namespace Telehealth.Gateway.Devices.Gatt.Decoding;

/// <summary>
/// The GATT Date Time (0x2A08) field: year uint16 (1582–9999, 0 = not known), month (1–12, 0 = not known),
/// day (1–31, 0 = not known), hours (0–23), minutes (0–59), seconds (0–59). It has no zone: the gateway's configured
/// zone offset applies.
/// </summary>
internal static class GattDateTime
{
    /// <summary>The field's size in bytes.</summary>
    public const int Size = 7;

    /// <summary>
    /// Reads a Date Time. A time with year, month or day 0 is "not known" and gives null with no error; a value out of
    /// range records an error on the reader.
    /// </summary>
    public static DateTimeOffset? Read(ref GattReader reader, string field, TimeSpan zoneOffset)
    {
        var year = reader.UInt16(field);
        var month = reader.UInt8(field);
        var day = reader.UInt8(field);
        var hours = reader.UInt8(field);
        var minutes = reader.UInt8(field);
        var seconds = reader.UInt8(field);
        if (reader.Error is not null)
        {
            return null;
        }

        var text = $"{year:D4}-{month:D2}-{day:D2} {hours:D2}:{minutes:D2}:{seconds:D2}";
        if ((year != 0 && (year < 1582 || year > 9999)) || month > 12 || day > 31 || hours > 23 || minutes > 59 || seconds > 59)
        {
            reader.Fail($"{field} out of range: {text}");
            return null;
        }

        if (year == 0 || month == 0 || day == 0)
        {
            return null;
        }

        if (day > DateTime.DaysInMonth(year, month))
        {
            reader.Fail($"{field} out of range: {text} (day {day} does not exist in that month)");
            return null;
        }

        var local = new DateTime(year, month, day, hours, minutes, seconds, DateTimeKind.Unspecified);
        var utcTicks = local.Ticks - zoneOffset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            reader.Fail($"{field} out of range: {text} is outside the representable time range in zone {zoneOffset}");
            return null;
        }

        return new DateTimeOffset(local, zoneOffset);
    }

    /// <summary>Reads a Date Time into the result's device time; a "not known" time sets the unknown-time field.</summary>
    public static void ReadInto(ref GattReader reader, GattResultBuilder result, TimeSpan zoneOffset, string field = "Time Stamp")
    {
        var time = Read(ref reader, field, zoneOffset);
        if (reader.Error is null)
        {
            result.DeviceTime = time;
            result.Field(GattFieldNames.DeviceTimeUnknown, time is null);
        }
    }
}
