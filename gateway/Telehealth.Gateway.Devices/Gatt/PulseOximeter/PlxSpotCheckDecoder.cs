using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.Ingest.Contracts.Metrics;

namespace Telehealth.Gateway.Devices.Gatt.PulseOximeter;

/// <summary>
/// PLX Spot-Check Measurement 0x2A5E. Fields: SpO2 and PR (SFLOAT), then by the flags: bit 0 Timestamp, bit 1
/// Measurement Status (uint16), bit 2 Device and Sensor Status (uint24), bit 3 Pulse Amplitude Index (SFLOAT %),
/// bit 4 device clock is not set; bits 5–7 reserved. Readings: spo2 (%), pulse_rate (/min). When the device clock is
/// not set its timestamp is still checked but not used as the device time (the receive time applies); it is kept in
/// the field <c>unset_clock_timestamp</c>.
/// </summary>
public sealed class PlxSpotCheckDecoder : IGattDecoder
{
    private const byte ReservedFlags = 0xE0;

    private readonly TimeSpan _zoneOffset;

    /// <summary>Time stamps read as UTC.</summary>
    public PlxSpotCheckDecoder()
        : this(TimeSpan.Zero)
    {
    }

    /// <summary>Time stamps read in the given zone offset (the GATT Date Time has no zone).</summary>
    public PlxSpotCheckDecoder(TimeSpan zoneOffset) => _zoneOffset = GattZone.Validate(zoneOffset);

    /// <inheritdoc />
    public ushort Characteristic => GattCharacteristics.PlxSpotCheckMeasurement;

    /// <inheritdoc />
    public string Name => "PLX Spot-Check Measurement";

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
        result.Reading("spo2", "%").Set(MetricDefinition.SingleValue, reader.SFloat("SpO2"));
        result.Reading("pulse_rate", "/min").Set(MetricDefinition.SingleValue, reader.SFloat("PR"));
        if ((flags & 0x01) != 0)
        {
            GattDateTime.ReadInto(ref reader, result, _zoneOffset, "Timestamp");
        }

        if ((flags & 0x02) != 0)
        {
            result.StatusBits("measurement_status", reader.UInt16("Measurement Status"), PlxStatusBits.MeasurementStatus);
        }

        if ((flags & 0x04) != 0)
        {
            result.StatusBits("device_and_sensor_status", reader.UInt24("Device and Sensor Status"), PlxStatusBits.DeviceAndSensorStatus);
        }

        if ((flags & 0x08) != 0)
        {
            result.Field("pulse_amplitude_index", reader.SFloat("Pulse Amplitude Index"));
        }

        var clockNotSet = (flags & 0x10) != 0;
        result.Field("device_clock_not_set", clockNotSet);
        if (clockNotSet && result.DeviceTime is { } unsetClockTime)
        {
            result.Field("unset_clock_timestamp", unsetClockTime.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
            result.DeviceTime = null;
        }

        return reader.Complete() is { } error ? result.Fail(error) : result.Build();
    }
}
