using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.Ingest.Contracts.Metrics;

namespace Telehealth.Gateway.Devices.Gatt.PulseOximeter;

/// <summary>
/// PLX Continuous Measurement 0x2A5F. Fields: SpO2PR-Normal (two SFLOATs), then by the flags: bit 0 SpO2PR-Fast,
/// bit 1 SpO2PR-Slow, bit 2 Measurement Status (uint16), bit 3 Device and Sensor Status (uint24), bit 4 Pulse
/// Amplitude Index (SFLOAT %); bits 5–7 reserved. Readings: spo2 (%) and pulse_rate (/min) from the normal variant;
/// the fast and slow variants are extra fields (spo2_fast, pulse_rate_fast, spo2_slow, pulse_rate_slow).
/// </summary>
public sealed class PlxContinuousDecoder : IGattDecoder
{
    private const byte ReservedFlags = 0xE0;

    /// <inheritdoc />
    public ushort Characteristic => GattCharacteristics.PlxContinuousMeasurement;

    /// <inheritdoc />
    public string Name => "PLX Continuous Measurement";

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
        result.Reading("spo2", "%").Set(MetricDefinition.SingleValue, reader.SFloat("SpO2PR-Normal SpO2"));
        result.Reading("pulse_rate", "/min").Set(MetricDefinition.SingleValue, reader.SFloat("SpO2PR-Normal PR"));
        if ((flags & 0x01) != 0)
        {
            result.Field("spo2_fast", reader.SFloat("SpO2PR-Fast SpO2"));
            result.Field("pulse_rate_fast", reader.SFloat("SpO2PR-Fast PR"));
        }

        if ((flags & 0x02) != 0)
        {
            result.Field("spo2_slow", reader.SFloat("SpO2PR-Slow SpO2"));
            result.Field("pulse_rate_slow", reader.SFloat("SpO2PR-Slow PR"));
        }

        if ((flags & 0x04) != 0)
        {
            result.StatusBits("measurement_status", reader.UInt16("Measurement Status"), PlxStatusBits.MeasurementStatus);
        }

        if ((flags & 0x08) != 0)
        {
            result.StatusBits("device_and_sensor_status", reader.UInt24("Device and Sensor Status"), PlxStatusBits.DeviceAndSensorStatus);
        }

        if ((flags & 0x10) != 0)
        {
            result.Field("pulse_amplitude_index", reader.SFloat("Pulse Amplitude Index"));
        }

        return reader.Complete() is { } error ? result.Fail(error) : result.Build();
    }
}
