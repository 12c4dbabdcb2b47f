using CsCheck;
using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.Gateway.Devices.Gatt.PulseOximeter;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.PulseOximeter;

public sealed class PlxContinuousDecoderTests
{
    private readonly PlxContinuousDecoder _decoder = new();

    [Fact]
    public void Decode_NormalOnly_GivesSpO2AndPulseRate()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("00 62 00 48 00")));

        Assert.Equal(98, GattAssert.Reading(result, "spo2").Values["value"]);
        Assert.Equal(72, GattAssert.Reading(result, "pulse_rate").Values["value"]);
        Assert.Null(result.DeviceTime);
    }

    [Fact]
    public void Decode_FastAndSlowVariants_AreExtraFields()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("03 62 00 48 00 61 00 49 00 60 00 FF 07")));

        GattAssert.Field(result, "spo2_fast", 97.0);
        GattAssert.Field(result, "pulse_rate_fast", 73.0);
        GattAssert.Field(result, "spo2_slow", 96.0);
        GattAssert.Field(result, "pulse_rate_slow", "nan");
    }

    [Fact]
    public void Decode_StatusAndPulseAmplitudeIndex_GivesFields()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("1C 62 00 48 00 00 20 01 00 01 1E F0")));

        Assert.Equal(["measurement_unavailable"], (IEnumerable<string>)result.Fields["measurement_status_bits"]);
        Assert.Equal(["extended_display_update_ongoing", "reserved_bit_16"], (IEnumerable<string>)result.Fields["device_and_sensor_status_bits"]);
        GattAssert.Field(result, "pulse_amplitude_index", 3.0);
    }

    [Theory]
    [InlineData("", "value too short: Flags")]
    [InlineData("00 62 00 48", "value too short: SpO2PR-Normal PR")]
    [InlineData("01 62 00 48 00 61 00", "value too short: SpO2PR-Fast PR")]
    [InlineData("40 62 00 48 00", "reserved flag bits 0x40")]
    [InlineData("10 62 00 48 00", "value too short: Pulse Amplitude Index")]
    [InlineData("00 62 00 48 00 00 00", "2 trailing byte(s)")]
    public void Decode_MalformedValue_FailsWithReason(string hex, string reason)
    {
        Assert.StartsWith(reason, GattAssert.Failure(_decoder.Decode(GattHex.Bytes(hex))));
    }

    [Fact]
    public void Decode_EveryFlagCombination_RoundTrips()
    {
        for (var flags = 0; flags < 0x20; flags++)
        {
            PlxContinuousSample.Gen(flags).Sample(sample => Check(sample, _decoder.Decode(sample.Encode())), iter: 200, threads: 1);
        }
    }

    private static void Check(PlxContinuousSample sample, GattDecodeResult result)
    {
        GattAssert.Success(result);
        GattAssert.Component(GattAssert.Reading(result, "spo2"), "value", sample.Normal[0]);
        GattAssert.Component(GattAssert.Reading(result, "pulse_rate"), "value", sample.Normal[1]);
        CheckVariant(result, "fast", sample.Fast);
        CheckVariant(result, "slow", sample.Slow);
        Assert.Equal(sample.MeasurementStatus is null, !result.Fields.ContainsKey("measurement_status"));
        Assert.Equal(sample.DeviceStatus is null, !result.Fields.ContainsKey("device_and_sensor_status"));
        if (sample.MeasurementStatus is { } status)
        {
            GattAssert.Field(result, "measurement_status", (long)status);
        }

        if (sample.DeviceStatus is { } device)
        {
            GattAssert.Field(result, "device_and_sensor_status", (long)device);
        }

        if (sample.PulseAmplitudeIndex is { } pai)
        {
            GattAssert.Field(result, "pulse_amplitude_index", pai);
        }
        else
        {
            GattAssert.NoField(result, "pulse_amplitude_index");
        }

        Assert.Null(result.DeviceTime);
    }

    private static void CheckVariant(GattDecodeResult result, string variant, Telehealth.Gateway.Devices.Gatt.Ieee11073.Ieee11073Number[]? expected)
    {
        if (expected is null)
        {
            GattAssert.NoField(result, "spo2_" + variant);
            GattAssert.NoField(result, "pulse_rate_" + variant);
            return;
        }

        GattAssert.Field(result, "spo2_" + variant, expected[0]);
        GattAssert.Field(result, "pulse_rate_" + variant, expected[1]);
    }
}
