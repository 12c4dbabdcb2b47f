using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.Ingest.Contracts.Metrics;

namespace Telehealth.Gateway.Devices.Gatt.BloodPressure;

/// <summary>
/// Blood Pressure Measurement 0x2A35. Flags: bit 0 units (0 mmHg, 1 kPa), bit 1 Time Stamp present, bit 2 Pulse Rate
/// present, bit 3 User ID present, bit 4 Measurement Status present, bits 5–7 reserved. Systolic, diastolic and mean
/// arterial pressure are SFLOATs, converted to the catalogue's mm[Hg]; the pulse rate is an SFLOAT in /min.
/// Readings: blood_pressure (systolic, diastolic, map), pulse_rate.
/// </summary>
public sealed class BloodPressureMeasurementDecoder : IGattDecoder
{
    /// <summary>mmHg per kPa (1 mmHg = 133.322387415 Pa).</summary>
    public const double MmHgPerKPa = 1000.0 / 133.322387415;

    private const byte ReservedFlags = 0xE0;

    private static readonly string?[] StatusBitNames =
    [
        "body_movement_detected",
        "cuff_too_loose",
        "irregular_pulse_detected",
        "pulse_rate_range_bit0",
        "pulse_rate_range_bit1",
        "improper_measurement_position",
    ];

    private readonly TimeSpan _zoneOffset;

    /// <summary>Time stamps read as UTC.</summary>
    public BloodPressureMeasurementDecoder()
        : this(TimeSpan.Zero)
    {
    }

    /// <summary>Time stamps read in the given zone offset (the GATT Date Time has no zone).</summary>
    public BloodPressureMeasurementDecoder(TimeSpan zoneOffset) => _zoneOffset = GattZone.Validate(zoneOffset);

    /// <inheritdoc />
    public ushort Characteristic => GattCharacteristics.BloodPressureMeasurement;

    /// <inheritdoc />
    public string Name => "Blood Pressure Measurement";

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
        var kPa = (flags & 0x01) != 0;
        result.Field("pressure_unit", kPa ? "kPa" : "mmHg");
        Func<double, double>? toMmHg = kPa ? static v => v * MmHgPerKPa : null;
        result.Reading("blood_pressure", "mm[Hg]")
            .Set("systolic", reader.SFloat("Systolic"), toMmHg)
            .Set("diastolic", reader.SFloat("Diastolic"), toMmHg)
            .Set("map", reader.SFloat("Mean Arterial Pressure"), toMmHg);

        if ((flags & 0x02) != 0)
        {
            GattDateTime.ReadInto(ref reader, result, _zoneOffset);
        }

        if ((flags & 0x04) != 0)
        {
            result.Reading("pulse_rate", "/min").Set(MetricDefinition.SingleValue, reader.SFloat("Pulse Rate"));
        }

        if ((flags & 0x08) != 0)
        {
            result.UserId(reader.UInt8("User ID"));
        }

        if ((flags & 0x10) != 0)
        {
            var status = reader.UInt16("Measurement Status");
            result.StatusBits("measurement_status", status, StatusBitNames);
            result.Field("pulse_rate_range", ((status >> 3) & 0x03) switch
            {
                0 => "within_range",
                1 => "exceeds_upper_limit",
                2 => "below_lower_limit",
                _ => "reserved",
            });
        }

        return reader.Complete() is { } error ? result.Fail(error) : result.Build();
    }
}
