using CsCheck;
using Telehealth.Gateway.Devices.Gatt.Decode;
using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.Gateway.Devices.Gatt.HeartRate;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.HeartRate;

public sealed class HeartRateMeasurementDecoderTests
{
    private readonly HeartRateMeasurementDecoder _decoder = new();

    private GattDecodeResult Decode(string hex)
    {
        Assert.True(HexBytes.TryParse(hex, out var bytes, out _));
        return _decoder.Decode(bytes);
    }

    [Theory]
    [InlineData("06 48", "detected")]
    [InlineData("04 48", "not_detected")]
    [InlineData("02 48", "not_supported")]
    [InlineData("00 48", "not_supported")]
    public void Decode_Uint8WithContactBits_GivesHeartRateAndContact(string hex, string contact)
    {
        var result = GattAssert.Success(Decode(hex));

        Assert.Equal(72, GattAssert.Reading(result, "heart_rate").Values["value"]);
        Assert.Equal("/min", GattAssert.Reading(result, "heart_rate").Unit);
        GattAssert.Field(result, GattFieldNames.SensorContact, contact);
        Assert.Null(result.DeviceTime);
    }

    [Fact]
    public void Decode_Uint16Format_ReadsTwoBytes()
    {
        var result = GattAssert.Success(Decode("01 48 01"));

        Assert.Equal(328, GattAssert.Reading(result, "heart_rate").Values["value"]);
        GattAssert.Field(result, "heart_rate_format", "uint16");
    }

    [Fact]
    public void Decode_EnergyAndTwoRrIntervals_GivesKilojoulesAndMillisecondsWithOffsets()
    {
        var result = GattAssert.Success(Decode("18 48 10 27 00 04 00 02"));

        Assert.Equal(10_000, GattAssert.Reading(result, "energy_expended").Values["value"]);
        var rr = result.Readings.Where(r => r.Metric == "rr_interval").ToList();
        Assert.Equal([1000.0, 500.0], rr.Select(r => r.Values["value"]));
        Assert.Equal([TimeSpan.FromMilliseconds(-500), TimeSpan.Zero], rr.Select(r => r.TimeOffset));
        Assert.Equal(new List<double> { 1000, 500 }, result.Fields[GattFieldNames.RrIntervalsMs]);
    }

    [Theory]
    [InlineData("", "value too short: Flags")]
    [InlineData("00", "value too short: Heart Rate Measurement Value (uint8)")]
    [InlineData("01 48", "value too short: Heart Rate Measurement Value (uint16)")]
    [InlineData("20 48", "reserved flag bits 0x20")]
    [InlineData("80 48", "reserved flag bits 0x80")]
    [InlineData("10 48", "RR-Interval present flag is set but no RR-Interval follows")]
    [InlineData("10 48 00", "value too short: RR-Interval #1")]
    [InlineData("10 48 00 04 01", "value too short: RR-Interval #2")]
    [InlineData("08 48 10", "value too short: Energy Expended")]
    [InlineData("00 48 00", "1 trailing byte(s)")]
    [InlineData("08 48 10 27 00 04", "2 trailing byte(s)")]
    public void Decode_MalformedValue_FailsWithReason(string hex, string reason)
    {
        Assert.StartsWith(reason, GattAssert.Failure(Decode(hex)));
    }

    [Fact]
    public void Decode_EveryFlagCombination_RoundTrips()
    {
        for (var flags = 0; flags < 0x20; flags++)
        {
            HeartRateSample.Gen(flags).Sample(sample => Check(sample, _decoder.Decode(sample.Encode())), iter: 200, threads: 1);
        }
    }

    private static void Check(HeartRateSample sample, GattDecodeResult result)
    {
        GattAssert.Success(result);
        Assert.Equal(sample.HeartRate, GattAssert.Reading(result, "heart_rate").Values["value"]);
        GattAssert.Field(result, GattFieldNames.SensorContact, (sample.Flags & 0x06) switch
        {
            0x06 => "detected",
            0x04 => "not_detected",
            _ => "not_supported",
        });
        if (sample.Energy is { } energy)
        {
            Assert.Equal(energy, GattAssert.Reading(result, "energy_expended").Values["value"]);
        }
        else
        {
            GattAssert.NoReading(result, "energy_expended");
        }

        var rr = result.Readings.Where(r => r.Metric == "rr_interval").ToList();
        Assert.Equal(sample.RrRaw.Select(raw => raw / 1.024), rr.Select(r => r.Values["value"]), (a, b) => Math.Abs(a - b) < 1e-9);
        if (rr.Count > 0)
        {
            Assert.Equal(TimeSpan.Zero, rr[^1].TimeOffset);
            Assert.True(rr.Zip(rr.Skip(1)).All(pair => pair.First.TimeOffset <= pair.Second.TimeOffset));
        }
    }
}
