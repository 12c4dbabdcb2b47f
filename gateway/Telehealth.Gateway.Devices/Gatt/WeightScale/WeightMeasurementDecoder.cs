using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.Ingest.Contracts.Metrics;

namespace Telehealth.Gateway.Devices.Gatt.WeightScale;

/// <summary>
/// Weight Measurement 0x2A9D. Flags: bit 0 units (0 SI: weight 0.005 kg, height 0.001 m; 1 imperial: weight 0.01 lb,
/// height 0.1 in), bit 1 Time Stamp present, bit 2 User ID present, bit 3 BMI (0.1 kg/m²) and Height present,
/// bits 4–7 reserved. A weight of 0xFFFF means "measurement unsuccessful" and never becomes a number.
/// Readings: body_weight (kg), body_mass_index (kg/m2), body_height (m).
/// </summary>
public sealed class WeightMeasurementDecoder : IGattDecoder
{
    /// <summary>kg per pound.</summary>
    public const double KilogramsPerPound = 0.45359237;

    /// <summary>m per inch.</summary>
    public const double MetresPerInch = 0.0254;

    private const byte ReservedFlags = 0xF0;

    private readonly TimeSpan _zoneOffset;

    /// <summary>Time stamps read as UTC.</summary>
    public WeightMeasurementDecoder()
        : this(TimeSpan.Zero)
    {
    }

    /// <summary>Time stamps read in the given zone offset (the GATT Date Time has no zone).</summary>
    public WeightMeasurementDecoder(TimeSpan zoneOffset) => _zoneOffset = GattZone.Validate(zoneOffset);

    /// <inheritdoc />
    public ushort Characteristic => GattCharacteristics.WeightMeasurement;

    /// <inheritdoc />
    public string Name => "Weight Measurement";

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
        var imperial = (flags & 0x01) != 0;
        result.Field("measurement_units", imperial ? "imperial" : "si");
        var weight = reader.UInt16("Weight");
        var weightReading = result.Reading("body_weight", "kg");
        if (weight == ushort.MaxValue)
        {
            weightReading.Special(MetricDefinition.SingleValue, "measurement_unsuccessful");
        }
        else
        {
            weightReading.Set(MetricDefinition.SingleValue, imperial ? weight / 100.0 * KilogramsPerPound : weight / 200.0);
        }

        if ((flags & 0x02) != 0)
        {
            GattDateTime.ReadInto(ref reader, result, _zoneOffset);
        }

        if ((flags & 0x04) != 0)
        {
            result.UserId(reader.UInt8("User ID"));
        }

        if ((flags & 0x08) != 0)
        {
            var bmi = reader.UInt16("BMI");
            var height = reader.UInt16("Height");
            result.Reading("body_mass_index", "kg/m2").Set(MetricDefinition.SingleValue, bmi / 10.0);
            result.Reading("body_height", "m").Set(MetricDefinition.SingleValue, imperial ? height / 10.0 * MetresPerInch : height / 1000.0);
        }

        return reader.Complete() is { } error ? result.Fail(error) : result.Build();
    }
}
