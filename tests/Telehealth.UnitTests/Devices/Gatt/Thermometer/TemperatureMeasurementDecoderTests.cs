using CsCheck;
using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.Gateway.Devices.Gatt.Thermometer;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.Thermometer;

public sealed class TemperatureMeasurementDecoderTests
{
    private static readonly TimeSpan Zone = TimeSpan.FromHours(-5);
    private readonly TemperatureMeasurementDecoder _decoder = new(Zone);

    [Fact]
    public void Decode_Celsius_GivesBodyTemperature()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("00 6E 01 00 FF")));

        var temperature = GattAssert.Reading(result, "body_temperature");
        Assert.Equal("Cel", temperature.Unit);
        Assert.Equal(36.6, temperature.Values["value"]);
    }

    [Fact]
    public void Decode_Fahrenheit_ConvertsToCelsius()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("01 DA 03 00 FF")));

        Assert.Equal(37.0, GattAssert.Reading(result, "body_temperature").Values["value"], 1e-9);
        GattAssert.Field(result, "temperature_unit", "Fahrenheit");
    }

    [Fact]
    public void Decode_TimeStampAndType_GivesZonedTimeAndTypeName()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("06 6E 01 00 FF EA 07 0B 18 0A 1E 0F 02")));

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 30, 15, Zone), result.DeviceTime);
        GattAssert.Field(result, "temperature_type", "body");
    }

    [Theory]
    [InlineData("04 6E 01 00 FF 00", "reserved_0")]
    [InlineData("04 6E 01 00 FF 09", "tympanum")]
    [InlineData("04 6E 01 00 FF 0A", "reserved_10")]
    public void Decode_TemperatureType_NamesReservedValues(string hex, string type)
    {
        GattAssert.Field(GattAssert.Success(_decoder.Decode(GattHex.Bytes(hex))), "temperature_type", type);
    }

    [Theory]
    [InlineData("00 FF FF 7F 00", "nan")]
    [InlineData("00 00 00 80 00", "nres")]
    [InlineData("00 FE FF 7F 00", "+inf")]
    [InlineData("00 02 00 80 00", "-inf")]
    [InlineData("01 01 00 80 00", "reserved")]
    public void Decode_SpecialTemperature_IsNeverANumber(string hex, string token)
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes(hex)));

        var temperature = GattAssert.Reading(result, "body_temperature");
        Assert.Empty(temperature.Values);
        Assert.Equal(token, temperature.SpecialValues["value"]);
    }

    [Theory]
    [InlineData("", "value too short: Flags")]
    [InlineData("00 6E 01 00", "value too short: Temperature Measurement Value")]
    [InlineData("08 6E 01 00 FF", "reserved flag bits 0x08")]
    [InlineData("04 6E 01 00 FF", "value too short: Temperature Type")]
    [InlineData("02 6E 01 00 FF EA 07 0B 18 0A 1E 3C", "Time Stamp out of range")]
    [InlineData("00 6E 01 00 FF 02", "1 trailing byte(s)")]
    public void Decode_MalformedValue_FailsWithReason(string hex, string reason)
    {
        Assert.StartsWith(reason, GattAssert.Failure(_decoder.Decode(GattHex.Bytes(hex))));
    }

    [Fact]
    public void Decode_EveryFlagCombination_RoundTrips()
    {
        for (var flags = 0; flags < 0x08; flags++)
        {
            TemperatureSample.Gen(flags).Sample(sample => Check(sample, _decoder.Decode(sample.Encode())), iter: 500, threads: 1);
        }
    }

    private static void Check(TemperatureSample sample, GattDecodeResult result)
    {
        GattAssert.Success(result);
        Func<double, double>? convert = (sample.Flags & 0x01) != 0 ? TemperatureMeasurementDecoder.FahrenheitToCelsius : null;
        GattAssert.Component(GattAssert.Reading(result, "body_temperature"), "value", sample.Temperature, convert);
        GattAssert.DeviceTime(result, sample.Time, Zone);
        if (sample.Type is null)
        {
            GattAssert.NoField(result, "temperature_type");
        }
        else
        {
            Assert.IsType<string>(result.Fields["temperature_type"]);
        }
    }
}
