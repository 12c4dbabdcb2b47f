using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.Ingest.Contracts.Metrics;

namespace Telehealth.Gateway.Devices.Gatt.CyclingPower;

/// <summary>
/// Cycling Power Measurement 0x2A63. Flags (uint16), Instantaneous Power (sint16 W), then in this order by flag:
/// bit 0 Pedal Power Balance (uint8, 1/2 %; bit 1 says the reference is the left pedal), bit 2 Accumulated Torque
/// (uint16, 1/32 N·m; bit 3 says crank- rather than wheel-based), bit 4 Wheel Revolution Data (uint32 revolutions,
/// uint16 last event time in 1/2048 s), bit 5 Crank Revolution Data (uint16 revolutions, uint16 last event time in
/// 1/1024 s), bit 6 Extreme Force Magnitudes (max, min sint16 N), bit 7 Extreme Torque Magnitudes (max, min sint16,
/// 1/32 N·m), bit 8 Extreme Angles (uint12 max, uint12 min degrees in 3 bytes), bit 9 Top Dead Spot Angle (uint16
/// deg), bit 10 Bottom Dead Spot Angle (uint16 deg), bit 11 Accumulated Energy (uint16 kJ), bit 12 Offset Compensation
/// Indicator; bits 13–15 reserved. The service expects force and torque magnitudes not to be sent together; when a
/// sensor sets both bits both are decoded, because the layout is still unambiguous.
/// Readings: power (W), energy_expended (kJ, the accumulated energy).
/// </summary>
public sealed class CyclingPowerMeasurementDecoder : IGattDecoder
{
    private const ushort ReservedFlags = 0xE000;

    /// <inheritdoc />
    public ushort Characteristic => GattCharacteristics.CyclingPowerMeasurement;

    /// <inheritdoc />
    public string Name => "Cycling Power Measurement";

    /// <inheritdoc />
    public GattDecodeResult Decode(ReadOnlySpan<byte> value)
    {
        var result = new GattResultBuilder(Characteristic, Name);
        var reader = new GattReader(value);
        var flags = reader.UInt16("Flags");
        if (reader.Error is { } empty)
        {
            return result.Fail(empty);
        }

        if ((flags & ReservedFlags) != 0)
        {
            return result.FailReservedFlags(flags, ReservedFlags, 4);
        }

        result.Field(GattFieldNames.RawFlags, (long)flags);
        result.Reading("power", "W").Set(MetricDefinition.SingleValue, reader.SInt16("Instantaneous Power"));
        if ((flags & 0x0001) != 0)
        {
            result.Field("pedal_power_balance_percent", reader.UInt8("Pedal Power Balance") / 2.0);
            result.Field("pedal_power_balance_reference", (flags & 0x0002) != 0 ? "left" : "unknown");
        }

        if ((flags & 0x0004) != 0)
        {
            result.Field("accumulated_torque_nm", reader.UInt16("Accumulated Torque") / 32.0);
            result.Field("accumulated_torque_source", (flags & 0x0008) != 0 ? "crank" : "wheel");
        }

        if ((flags & 0x0010) != 0)
        {
            result.Field(GattFieldNames.CumulativeWheelRevolutions, (long)reader.UInt32("Cumulative Wheel Revolutions"));
            result.Field(GattFieldNames.LastWheelEventTime, (long)reader.UInt16("Last Wheel Event Time"));
        }

        if ((flags & 0x0020) != 0)
        {
            result.Field(GattFieldNames.CumulativeCrankRevolutions, (long)reader.UInt16("Cumulative Crank Revolutions"));
            result.Field(GattFieldNames.LastCrankEventTime, (long)reader.UInt16("Last Crank Event Time"));
        }

        if ((flags & 0x0040) != 0)
        {
            result.Field("max_force_n", (long)reader.SInt16("Maximum Force Magnitude"));
            result.Field("min_force_n", (long)reader.SInt16("Minimum Force Magnitude"));
        }

        if ((flags & 0x0080) != 0)
        {
            result.Field("max_torque_nm", reader.SInt16("Maximum Torque Magnitude") / 32.0);
            result.Field("min_torque_nm", reader.SInt16("Minimum Torque Magnitude") / 32.0);
        }

        if ((flags & 0x0100) != 0)
        {
            var angles = reader.UInt24("Extreme Angles");
            result.Field("max_angle_deg", (long)(angles & 0x0FFF));
            result.Field("min_angle_deg", (long)(angles >> 12));
        }

        if ((flags & 0x0200) != 0)
        {
            result.Field("top_dead_spot_angle_deg", (long)reader.UInt16("Top Dead Spot Angle"));
        }

        if ((flags & 0x0400) != 0)
        {
            result.Field("bottom_dead_spot_angle_deg", (long)reader.UInt16("Bottom Dead Spot Angle"));
        }

        if ((flags & 0x0800) != 0)
        {
            result.Reading("energy_expended", "kJ").Set(MetricDefinition.SingleValue, reader.UInt16("Accumulated Energy"));
        }

        result.Field("offset_compensation_indicator", (flags & 0x1000) != 0);
        return reader.Complete() is { } error ? result.Fail(error) : result.Build();
    }
}
