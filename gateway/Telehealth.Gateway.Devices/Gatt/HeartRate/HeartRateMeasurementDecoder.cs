using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.Ingest.Contracts.Metrics;

namespace Telehealth.Gateway.Devices.Gatt.HeartRate;

/// <summary>
/// Heart Rate Measurement 0x2A37. Flags: bit 0 value format (uint8/uint16), bits 1–2 sensor contact
/// (bit 2 supported, bit 1 detected), bit 3 Energy Expended present (uint16 kJ), bit 4 RR-Intervals present
/// (uint16 in 1/1024 s, one or more, filling the rest of the value), bits 5–7 reserved.
/// Readings: heart_rate (/min), energy_expended (kJ), one rr_interval (ms) per interval, the last one at the
/// measurement time and each earlier one shifted back by the intervals after it.
/// </summary>
public sealed class HeartRateMeasurementDecoder : IGattDecoder
{
    private const byte ReservedFlags = 0xE0;
    private const string MetricValue = MetricDefinition.SingleValue;

    /// <inheritdoc />
    public ushort Characteristic => GattCharacteristics.HeartRateMeasurement;

    /// <inheritdoc />
    public string Name => "Heart Rate Measurement";

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
        var wide = (flags & 0x01) != 0;
        var heartRate = wide ? reader.UInt16("Heart Rate Measurement Value (uint16)") : reader.UInt8("Heart Rate Measurement Value (uint8)");
        result.Field("heart_rate_format", wide ? "uint16" : "uint8");
        result.Field(GattFieldNames.SensorContact, (flags & 0x06) switch
        {
            0x06 => "detected",
            0x04 => "not_detected",
            _ => "not_supported",
        });
        result.Reading("heart_rate", "/min").Set(MetricValue, heartRate);

        if ((flags & 0x08) != 0)
        {
            var energy = reader.UInt16("Energy Expended");
            result.Reading("energy_expended", "kJ").Set(MetricValue, energy);
            result.Field("energy_expended_saturated", energy == ushort.MaxValue);
        }

        if ((flags & 0x10) != 0)
        {
            if (reader.Error is null && reader.Remaining == 0)
            {
                return result.Fail("RR-Interval present flag is set but no RR-Interval follows");
            }

            var intervals = new List<double>();
            while (reader.Error is null && reader.Remaining > 0)
            {
                var raw = reader.UInt16($"RR-Interval #{intervals.Count + 1}");
                if (reader.Error is null)
                {
                    intervals.Add(raw * 1000.0 / 1024.0);
                }
            }

            var laterMs = new double[intervals.Count];
            for (var i = intervals.Count - 2; i >= 0; i--)
            {
                laterMs[i] = laterMs[i + 1] + intervals[i + 1];
            }

            for (var i = 0; i < intervals.Count; i++)
            {
                result.Reading("rr_interval", "ms", TimeSpan.FromMilliseconds(-laterMs[i])).Set(MetricValue, intervals[i]);
            }

            result.Field(GattFieldNames.RrIntervalsMs, intervals);
        }

        return reader.Complete() is { } error ? result.Fail(error) : result.Build();
    }
}
