using CsCheck;
using Telehealth.Gateway.Devices.Gatt.BloodPressure;
using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.Gateway.Devices.Gatt.Ieee11073;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.BloodPressure;

public sealed class BloodPressureMeasurementDecoderTests
{
    private static readonly TimeSpan Zone = TimeSpan.FromHours(1);
    private readonly BloodPressureMeasurementDecoder _decoder = new(Zone);

    [Fact]
    public void Decode_MmHgWithPulse_GivesBloodPressureAndPulseRate()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("04 78 00 50 00 5D 00 48 00")));

        var bp = GattAssert.Reading(result, "blood_pressure");
        Assert.Equal("mm[Hg]", bp.Unit);
        Assert.Equal(120, bp.Values["systolic"]);
        Assert.Equal(80, bp.Values["diastolic"]);
        Assert.Equal(93, bp.Values["map"]);
        Assert.Equal(72, GattAssert.Reading(result, "pulse_rate").Values["value"]);
        Assert.Null(result.DeviceTime);
    }

    [Fact]
    public void Decode_AllFieldsPresent_GivesTimeInConfiguredZoneUserAndStatusBits()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("1E 78 00 50 00 5D 00 EA 07 0B 18 0A 1E 0F 48 00 01 0D 00")));

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 30, 15, Zone), result.DeviceTime);
        Assert.Equal(Zone, result.DeviceTime!.Value.Offset);
        GattAssert.Field(result, GattFieldNames.UserId, 1L);
        GattAssert.Field(result, "measurement_status", 0x0DL);
        Assert.Equal(["body_movement_detected", "irregular_pulse_detected", "pulse_rate_range_bit0"], (IEnumerable<string>)result.Fields["measurement_status_bits"]);
        GattAssert.Field(result, "pulse_rate_range", "exceeds_upper_limit");
    }

    [Fact]
    public void Decode_KiloPascal_ConvertsToMillimetresOfMercury()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("01 A0 F0 AB F0 C4 F0")));

        var bp = GattAssert.Reading(result, "blood_pressure");
        Assert.Equal(16.0 * 7.500615758, bp.Values["systolic"], 1e-6);
        Assert.Equal(17.1 * 7.500615758, bp.Values["diastolic"], 1e-6);
        GattAssert.Field(result, "pressure_unit", "kPa");
    }

    [Fact]
    public void Decode_MapIsNaN_OmitsMapFromValuesAndReportsIt()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("00 78 00 50 00 FF 07")));

        var bp = GattAssert.Reading(result, "blood_pressure");
        Assert.False(bp.Values.ContainsKey("map"));
        Assert.Equal("nan", bp.SpecialValues["map"]);
        Assert.Equal(2, bp.Values.Count);
    }

    [Fact]
    public void Decode_UnknownUserAndUnknownTime_SaysUnknown()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("0A 78 00 50 00 5D 00 00 00 00 00 00 00 00 FF")));

        GattAssert.Field(result, GattFieldNames.UserId, "unknown");
        GattAssert.Field(result, GattFieldNames.DeviceTimeUnknown, true);
        Assert.Null(result.DeviceTime);
    }

    [Theory]
    [InlineData("", "value too short: Flags")]
    [InlineData("00 78 00 50 00", "value too short: Mean Arterial Pressure")]
    [InlineData("20 78 00 50 00 5D 00", "reserved flag bits 0x20")]
    [InlineData("02 78 00 50 00 5D 00 EA 07 0D 18 0A 1E 0F", "Time Stamp out of range: 2026-13-24")]
    [InlineData("02 78 00 50 00 5D 00 EA 07 02 1E 0A 1E 0F", "Time Stamp out of range: 2026-02-30")]
    [InlineData("02 78 00 50 00 5D 00 EA 07 0B 18 18 1E 0F", "Time Stamp out of range")]
    [InlineData("02 78 00 50 00 5D 00 2D 06 0B 18 0A 1E 0F", "Time Stamp out of range: 1581")]
    [InlineData("02 78 00 50 00 5D 00 EA 07 0B", "value too short: Time Stamp")]
    [InlineData("10 78 00 50 00 5D 00 01", "value too short: Measurement Status")]
    [InlineData("00 78 00 50 00 5D 00 48 00", "2 trailing byte(s)")]
    public void Decode_MalformedValue_FailsWithReason(string hex, string reason)
    {
        Assert.StartsWith(reason, GattAssert.Failure(_decoder.Decode(GattHex.Bytes(hex))));
    }

    [Fact]
    public void Decode_EveryFlagCombination_RoundTrips()
    {
        for (var flags = 0; flags < 0x20; flags++)
        {
            BloodPressureSample.Gen(flags).Sample(sample => Check(sample, _decoder.Decode(sample.Encode())), iter: 200, threads: 1);
        }
    }

    private static void Check(BloodPressureSample sample, GattDecodeResult result)
    {
        GattAssert.Success(result);
        Func<double, double>? convert = (sample.Flags & 0x01) != 0 ? v => v * BloodPressureMeasurementDecoder.MmHgPerKPa : null;
        var bp = GattAssert.Reading(result, "blood_pressure");
        GattAssert.Component(bp, "systolic", sample.Systolic, convert);
        GattAssert.Component(bp, "diastolic", sample.Diastolic, convert);
        GattAssert.Component(bp, "map", sample.Map, convert);
        GattAssert.DeviceTime(result, sample.Time, Zone);
        if (sample.Pulse is { } pulse)
        {
            GattAssert.Component(GattAssert.Reading(result, "pulse_rate"), "value", pulse);
        }
        else
        {
            GattAssert.NoReading(result, "pulse_rate");
        }

        if (sample.UserId is { } user)
        {
            GattAssert.Field(result, GattFieldNames.UserId, user == 0xFF ? "unknown" : (object)(long)user);
        }
        else
        {
            GattAssert.NoField(result, GattFieldNames.UserId);
        }

        if (sample.Status is { } status)
        {
            GattAssert.Field(result, "measurement_status", (long)status);
        }
        else
        {
            GattAssert.NoField(result, "measurement_status");
        }
    }
}
