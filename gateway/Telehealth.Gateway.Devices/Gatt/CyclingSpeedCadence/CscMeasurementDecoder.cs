using Telehealth.Gateway.Devices.Gatt.Decoding;

namespace Telehealth.Gateway.Devices.Gatt.CyclingSpeedCadence;

/// <summary>
/// CSC Measurement 0x2A5B. Flags: bit 0 Wheel Revolution Data present (Cumulative Wheel Revolutions uint32, Last
/// Wheel Event Time uint16 in 1/1024 s), bit 1 Crank Revolution Data present (Cumulative Crank Revolutions uint16,
/// Last Crank Event Time uint16 in 1/1024 s), bits 2–7 reserved. The counters are raw and give no catalogue reading
/// on their own: <see cref="Cadence.CyclingRateConverter"/> turns two successive values into cadence and speed.
/// </summary>
public sealed class CscMeasurementDecoder : IGattDecoder
{
    private const byte ReservedFlags = 0xFC;

    /// <inheritdoc />
    public ushort Characteristic => GattCharacteristics.CscMeasurement;

    /// <inheritdoc />
    public string Name => "CSC Measurement";

    /// <inheritdoc />
    public GattDecodeResult Decode(ReadOnlySpan<byte> value)
    {
        var result = new GattResultBuilder(Characteristic, Name);
        var reader = new GattReader(value);
        var flags = reader.UInt8("Flags");
        if (reader.Error is { } empty)
        {
            return result.Fail(empty);
        }

        if ((flags & ReservedFlags) != 0)
        {
            return result.FailReservedFlags(flags, ReservedFlags, 2);
        }

        result.Field(GattFieldNames.RawFlags, (long)flags);
        if ((flags & 0x01) != 0)
        {
            result.Field(GattFieldNames.CumulativeWheelRevolutions, (long)reader.UInt32("Cumulative Wheel Revolutions"));
            result.Field(GattFieldNames.LastWheelEventTime, (long)reader.UInt16("Last Wheel Event Time"));
        }

        if ((flags & 0x02) != 0)
        {
            result.Field(GattFieldNames.CumulativeCrankRevolutions, (long)reader.UInt16("Cumulative Crank Revolutions"));
            result.Field(GattFieldNames.LastCrankEventTime, (long)reader.UInt16("Last Crank Event Time"));
        }

        return reader.Complete() is { } error ? result.Fail(error) : result.Build();
    }
}
