using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.Ingest.Contracts.Metrics;

namespace Telehealth.Gateway.Devices.Gatt.RunningSpeedCadence;

/// <summary>
/// RSC Measurement 0x2A53. Fields: Instantaneous Speed (uint16, 1/256 m/s), Instantaneous Cadence (uint8, /min), then
/// by the flags: bit 0 Instantaneous Stride Length (uint16, 1/100 m), bit 1 Total Distance (uint32, 1/10 m), bit 2
/// walking (0) or running (1); bits 3–7 reserved. Readings: speed (m/s), cadence (/min), stride_length (m),
/// distance (m).
/// </summary>
public sealed class RscMeasurementDecoder : IGattDecoder
{
    private const byte ReservedFlags = 0xF8;

    /// <inheritdoc />
    public ushort Characteristic => GattCharacteristics.RscMeasurement;

    /// <inheritdoc />
    public string Name => "RSC Measurement";

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
        result.Field("motion", (flags & 0x04) != 0 ? "running" : "walking");
        result.Reading("speed", "m/s").Set(MetricDefinition.SingleValue, reader.UInt16("Instantaneous Speed") / 256.0);
        result.Reading("cadence", "/min").Set(MetricDefinition.SingleValue, reader.UInt8("Instantaneous Cadence"));
        if ((flags & 0x01) != 0)
        {
            result.Reading("stride_length", "m").Set(MetricDefinition.SingleValue, reader.UInt16("Instantaneous Stride Length") / 100.0);
        }

        if ((flags & 0x02) != 0)
        {
            result.Reading("distance", "m").Set(MetricDefinition.SingleValue, reader.UInt32("Total Distance") / 10.0);
        }

        return reader.Complete() is { } error ? result.Fail(error) : result.Build();
    }
}
