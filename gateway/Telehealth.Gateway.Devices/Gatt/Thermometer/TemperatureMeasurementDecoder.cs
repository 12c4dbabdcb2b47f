using System.Globalization;
using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.Ingest.Contracts.Metrics;

namespace Telehealth.Gateway.Devices.Gatt.Thermometer;

/// <summary>
/// Temperature Measurement 0x2A1C. Flags: bit 0 units (0 Celsius, 1 Fahrenheit), bit 1 Time Stamp present, bit 2
/// Temperature Type present (uint8: 1 armpit … 9 tympanum), bits 3–7 reserved. The temperature is a FLOAT,
/// converted to the catalogue's Cel. Reading: body_temperature.
/// </summary>
public sealed class TemperatureMeasurementDecoder : IGattDecoder
{
    private const byte ReservedFlags = 0xF8;

    private static readonly string[] TypeNames =
        ["reserved_0", "armpit", "body", "ear", "finger", "gastro_intestinal_tract", "mouth", "rectum", "toe", "tympanum"];

    private readonly TimeSpan _zoneOffset;

    /// <summary>Time stamps read as UTC.</summary>
    public TemperatureMeasurementDecoder()
        : this(TimeSpan.Zero)
    {
    }

    /// <summary>Time stamps read in the given zone offset (the GATT Date Time has no zone).</summary>
    public TemperatureMeasurementDecoder(TimeSpan zoneOffset) => _zoneOffset = GattZone.Validate(zoneOffset);

    /// <inheritdoc />
    public ushort Characteristic => GattCharacteristics.TemperatureMeasurement;

    /// <inheritdoc />
    public string Name => "Temperature Measurement";

    /// <summary>°F → °C.</summary>
    public static double FahrenheitToCelsius(double fahrenheit) => (fahrenheit - 32) * 5 / 9;

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
        var fahrenheit = (flags & 0x01) != 0;
        result.Field("temperature_unit", fahrenheit ? "Fahrenheit" : "Celsius");
        result.Reading("body_temperature", "Cel").Set(
            MetricDefinition.SingleValue,
            reader.Float("Temperature Measurement Value"),
            fahrenheit ? FahrenheitToCelsius : null);

        if ((flags & 0x02) != 0)
        {
            GattDateTime.ReadInto(ref reader, result, _zoneOffset);
        }

        if ((flags & 0x04) != 0)
        {
            var type = reader.UInt8("Temperature Type");
            result.Field("temperature_type", type < TypeNames.Length
                ? TypeNames[type]
                : string.Create(CultureInfo.InvariantCulture, $"reserved_{type}"));
        }

        return reader.Complete() is { } error ? result.Fail(error) : result.Build();
    }
}
