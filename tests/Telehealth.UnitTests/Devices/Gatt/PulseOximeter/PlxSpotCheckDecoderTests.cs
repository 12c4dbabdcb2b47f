using CsCheck;
using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.Gateway.Devices.Gatt.PulseOximeter;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.PulseOximeter;

public sealed class PlxSpotCheckDecoderTests
{
    private readonly PlxSpotCheckDecoder _decoder = new();

    [Fact]
    public void Decode_SpO2AndPulseRate_GivesPercentAndPerMinute()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("00 62 00 48 00")));

        Assert.Equal(98, GattAssert.Reading(result, "spo2").Values["value"]);
        Assert.Equal("%", GattAssert.Reading(result, "spo2").Unit);
        Assert.Equal(72, GattAssert.Reading(result, "pulse_rate").Values["value"]);
        GattAssert.Field(result, "device_clock_not_set", false);
    }

    [Fact]
    public void Decode_AllOptionalFields_GivesTimeStatusBitsAndPulseAmplitudeIndex()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("0F 62 00 48 00 EA 07 0B 18 0A 1E 0F 80 00 20 80 00 1E F0")));

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 30, 15, TimeSpan.Zero), result.DeviceTime);
        Assert.Equal(["validated_data"], (IEnumerable<string>)result.Fields["measurement_status_bits"]);
        Assert.Equal(["low_perfusion_detected", "sensor_disconnected"], (IEnumerable<string>)result.Fields["device_and_sensor_status_bits"]);
        GattAssert.Field(result, "pulse_amplitude_index", 3.0);
        GattAssert.Field(result, "device_clock_not_set", false);
    }

    [Fact]
    public void Decode_DeviceClockNotSet_KeepsTheTimestampOutOfTheDeviceTime()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("11 62 00 48 00 D0 07 01 01 00 05 00")));

        Assert.Null(result.DeviceTime);
        GattAssert.Field(result, "device_clock_not_set", true);
        GattAssert.Field(result, "unset_clock_timestamp", "2000-01-01T00:05:00+00:00");
        var receivedAt = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        Assert.All(result.ToDeviceReadings("ox-1", receivedAt), r => Assert.Equal(receivedAt.ToUnixTimeMilliseconds(), r.DeviceTimeMs));
    }

    [Fact]
    public void Decode_SpO2NotAtThisResolution_IsReportedNotANumber()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("00 00 08 48 00")));

        Assert.Empty(GattAssert.Reading(result, "spo2").Values);
        Assert.Equal("nres", GattAssert.Reading(result, "spo2").SpecialValues["value"]);
    }

    [Theory]
    [InlineData("", "value too short: Flags")]
    [InlineData("00 62 00", "value too short: PR")]
    [InlineData("20 62 00 48 00", "reserved flag bits 0x20")]
    [InlineData("04 62 00 48 00 00 00", "value too short: Device and Sensor Status")]
    [InlineData("01 62 00 48 00 EA 07 0B 20 0A 1E 0F", "Timestamp out of range")]
    [InlineData("00 62 00 48 00 00", "1 trailing byte(s)")]
    public void Decode_MalformedValue_FailsWithReason(string hex, string reason)
    {
        Assert.StartsWith(reason, GattAssert.Failure(_decoder.Decode(GattHex.Bytes(hex))));
    }

    [Fact]
    public void Decode_TimestampMonthZero_IsValidWithoutDeviceTime()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("01 62 00 48 00 EA 07 00 18 0A 1E 0F")));

        Assert.Null(result.DeviceTime);
        GattAssert.Field(result, GattFieldNames.DeviceTimeUnknown, true);
    }

    [Fact]
    public void Decode_EveryFlagCombination_RoundTrips()
    {
        for (var flags = 0; flags < 0x20; flags++)
        {
            PlxSpotCheckSample.Gen(flags).Sample(sample => Check(sample, _decoder.Decode(sample.Encode())), iter: 200, threads: 1);
        }
    }

    private static void Check(PlxSpotCheckSample sample, GattDecodeResult result)
    {
        GattAssert.Success(result);
        GattAssert.Component(GattAssert.Reading(result, "spo2"), "value", sample.SpO2);
        GattAssert.Component(GattAssert.Reading(result, "pulse_rate"), "value", sample.PulseRate);
        if ((sample.Flags & 0x10) != 0)
        {
            Assert.Null(result.DeviceTime);
            Assert.Equal(sample.Time is { IsUnknown: false }, result.Fields.ContainsKey("unset_clock_timestamp"));
        }
        else
        {
            GattAssert.DeviceTime(result, sample.Time, TimeSpan.Zero);
        }

        CheckOptional(result, "measurement_status", sample.MeasurementStatus);
        CheckOptional(result, "device_and_sensor_status", sample.DeviceStatus);
        if (sample.PulseAmplitudeIndex is { } pai)
        {
            GattAssert.Field(result, "pulse_amplitude_index", pai);
        }
        else
        {
            GattAssert.NoField(result, "pulse_amplitude_index");
        }

        GattAssert.Field(result, "device_clock_not_set", (sample.Flags & 0x10) != 0);
    }

    private static void CheckOptional(GattDecodeResult result, string name, uint? expected)
    {
        if (expected is { } value)
        {
            GattAssert.Field(result, name, (long)value);
        }
        else
        {
            GattAssert.NoField(result, name);
        }
    }
}
