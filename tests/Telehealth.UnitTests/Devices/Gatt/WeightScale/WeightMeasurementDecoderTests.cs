using CsCheck;
using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.Gateway.Devices.Gatt.WeightScale;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.WeightScale;

public sealed class WeightMeasurementDecoderTests
{
    private readonly WeightMeasurementDecoder _decoder = new();

    [Fact]
    public void Decode_SiWeight_GivesKilograms()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("00 B0 36")));

        var weight = GattAssert.Reading(result, "body_weight");
        Assert.Equal("kg", weight.Unit);
        Assert.Equal(70.0, weight.Values["value"]);
    }

    [Fact]
    public void Decode_ImperialWeight_ConvertsPoundsToKilograms()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("01 48 3C")));

        Assert.Equal(154.32 * 0.45359237, GattAssert.Reading(result, "body_weight").Values["value"], 1e-9);
        GattAssert.Field(result, "measurement_units", "imperial");
    }

    [Fact]
    public void Decode_SiBmiAndHeight_GivesBmiAndMetres()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("08 B0 36 F1 00 D2 06")));

        Assert.Equal(24.1, GattAssert.Reading(result, "body_mass_index").Values["value"]);
        Assert.Equal("kg/m2", GattAssert.Reading(result, "body_mass_index").Unit);
        Assert.Equal(1.746, GattAssert.Reading(result, "body_height").Values["value"]);
    }

    [Fact]
    public void Decode_ImperialHeight_ConvertsInchesToMetres()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("09 48 3C F1 00 BC 02")));

        Assert.Equal(70.0 * 0.0254, GattAssert.Reading(result, "body_height").Values["value"], 1e-9);
    }

    [Fact]
    public void Decode_WeightFFFF_IsMeasurementUnsuccessfulNotANumber()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("00 FF FF")));

        var weight = GattAssert.Reading(result, "body_weight");
        Assert.Empty(weight.Values);
        Assert.Equal("measurement_unsuccessful", weight.SpecialValues["value"]);
        Assert.Empty(result.ToDeviceReadings("scale-1", DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Decode_TimeStampAndUser_GivesUtcTimeByDefault()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("06 B0 36 EA 07 0B 18 07 05 00 03")));

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 7, 5, 0, TimeSpan.Zero), result.DeviceTime);
        GattAssert.Field(result, GattFieldNames.UserId, 3L);
    }

    [Theory]
    [InlineData("", "value too short: Flags")]
    [InlineData("00 B0", "value too short: Weight")]
    [InlineData("10 B0 36", "reserved flag bits 0x10")]
    [InlineData("08 B0 36 F1 00", "value too short: Height")]
    [InlineData("02 B0 36 EA 07 0B 18 07 3C 00", "Time Stamp out of range")]
    [InlineData("00 B0 36 00", "1 trailing byte(s)")]
    public void Decode_MalformedValue_FailsWithReason(string hex, string reason)
    {
        Assert.StartsWith(reason, GattAssert.Failure(_decoder.Decode(GattHex.Bytes(hex))));
    }

    [Fact]
    public void Decode_EveryFlagCombination_RoundTrips()
    {
        for (var flags = 0; flags < 0x10; flags++)
        {
            WeightSample.Gen(flags).Sample(sample => Check(sample, _decoder.Decode(sample.Encode())), iter: 300, threads: 1);
        }
    }

    private static void Check(WeightSample sample, GattDecodeResult result)
    {
        GattAssert.Success(result);
        var imperial = (sample.Flags & 0x01) != 0;
        var weight = GattAssert.Reading(result, "body_weight");
        if (sample.Weight == ushort.MaxValue)
        {
            Assert.Empty(weight.Values);
        }
        else
        {
            Assert.Equal(imperial ? sample.Weight * 0.01 * 0.45359237 : sample.Weight * 0.005, weight.Values["value"], 1e-9);
        }

        GattAssert.DeviceTime(result, sample.Time, TimeSpan.Zero);
        if (sample.UserId is { } user)
        {
            GattAssert.Field(result, GattFieldNames.UserId, user == 0xFF ? "unknown" : (object)(long)user);
        }
        else
        {
            GattAssert.NoField(result, GattFieldNames.UserId);
        }

        if (sample.Bmi is { } bmi && sample.Height is { } height)
        {
            Assert.Equal(bmi * 0.1, GattAssert.Reading(result, "body_mass_index").Values["value"], 1e-9);
            Assert.Equal(imperial ? height * 0.1 * 0.0254 : height * 0.001, GattAssert.Reading(result, "body_height").Values["value"], 1e-9);
        }
        else
        {
            GattAssert.NoReading(result, "body_mass_index");
            GattAssert.NoReading(result, "body_height");
        }
    }
}
