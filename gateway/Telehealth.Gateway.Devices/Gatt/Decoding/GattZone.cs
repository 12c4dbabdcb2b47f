namespace Telehealth.Gateway.Devices.Gatt.Decoding;

/// <summary>Checks the zone offset applied to GATT Date Time fields (which carry no zone).</summary>
internal static class GattZone
{
    /// <summary>Returns the offset when it is a whole number of minutes within ±14 h; throws otherwise.</summary>
    public static TimeSpan Validate(TimeSpan offset)
    {
        if (offset.Ticks % TimeSpan.TicksPerMinute != 0 || offset < TimeSpan.FromHours(-14) || offset > TimeSpan.FromHours(14))
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "a zone offset is whole minutes within ±14 hours");
        }

        return offset;
    }
}
