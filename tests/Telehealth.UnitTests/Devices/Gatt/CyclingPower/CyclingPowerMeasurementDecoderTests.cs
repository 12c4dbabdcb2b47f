using CsCheck;
using Telehealth.Gateway.Devices.Gatt.CyclingPower;
using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.CyclingPower;

public sealed class CyclingPowerMeasurementDecoderTests
{
    private readonly CyclingPowerMeasurementDecoder _decoder = new();

    [Theory]
    [InlineData("00 00 FA 00", 250)]
    [InlineData("00 00 FB FF", -5)]
    public void Decode_InstantaneousPower_IsSignedWatts(string hex, double watts)
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes(hex)));

        Assert.Equal(watts, GattAssert.Reading(result, "power").Values["value"]);
        Assert.Equal("W", GattAssert.Reading(result, "power").Unit);
    }

    [Fact]
    public void Decode_AllThirteenFlags_ReadsEveryFieldInOrder()
    {
        // Flags 0x1FFF; power 200 W; balance 100 (50 %); torque 320 (10 N·m); wheel 1000 revs @ 2048;
        // crank 50 revs @ 1024; force 300/-20 N; torque 64/-32 (2/-1 N·m); angles max 180 min 80;
        // dead spots 10/190 deg; energy 120 kJ.
        var hex = "FF 1F C8 00 64 40 01 E8 03 00 00 00 08 32 00 00 04 2C 01 EC FF 40 00 E0 FF B4 00 05 0A 00 BE 00 78 00";
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes(hex)));

        Assert.Equal(200, GattAssert.Reading(result, "power").Values["value"]);
        GattAssert.Field(result, "pedal_power_balance_percent", 50.0);
        GattAssert.Field(result, "pedal_power_balance_reference", "left");
        GattAssert.Field(result, "accumulated_torque_nm", 10.0);
        GattAssert.Field(result, "accumulated_torque_source", "crank");
        GattAssert.Field(result, GattFieldNames.CumulativeWheelRevolutions, 1000L);
        GattAssert.Field(result, GattFieldNames.LastWheelEventTime, 2048L);
        GattAssert.Field(result, GattFieldNames.CumulativeCrankRevolutions, 50L);
        GattAssert.Field(result, GattFieldNames.LastCrankEventTime, 1024L);
        GattAssert.Field(result, "max_force_n", 300L);
        GattAssert.Field(result, "min_force_n", -20L);
        GattAssert.Field(result, "max_torque_nm", 2.0);
        GattAssert.Field(result, "min_torque_nm", -1.0);
        GattAssert.Field(result, "max_angle_deg", 180L);
        GattAssert.Field(result, "min_angle_deg", 80L);
        GattAssert.Field(result, "top_dead_spot_angle_deg", 10L);
        GattAssert.Field(result, "bottom_dead_spot_angle_deg", 190L);
        Assert.Equal(120, GattAssert.Reading(result, "energy_expended").Values["value"]);
        GattAssert.Field(result, "offset_compensation_indicator", true);
    }

    [Theory]
    [InlineData("", "value too short: Flags")]
    [InlineData("00", "value too short: Flags")]
    [InlineData("00 00 FA", "value too short: Instantaneous Power")]
    [InlineData("00 20 FA 00", "reserved flag bits 0x2000")]
    [InlineData("00 80 FA 00", "reserved flag bits 0x8000")]
    [InlineData("10 00 FA 00 E8 03 00 00 00", "value too short: Last Wheel Event Time")]
    [InlineData("00 01 FA 00 B4 00", "value too short: Extreme Angles")]
    [InlineData("00 00 FA 00 00", "1 trailing byte(s)")]
    public void Decode_MalformedValue_FailsWithReason(string hex, string reason)
    {
        Assert.StartsWith(reason, GattAssert.Failure(_decoder.Decode(GattHex.Bytes(hex))));
    }

    [Fact]
    public void Decode_EveryFlagCombination_RoundTrips()
    {
        for (var flags = 0; flags < 0x2000; flags++)
        {
            CyclingPowerSample.Gen(flags).Sample(sample => Check(sample, _decoder.Decode(sample.Encode())), iter: 3, threads: 1);
        }
    }

    private static void Check(CyclingPowerSample s, GattDecodeResult result)
    {
        GattAssert.Success(result);
        Assert.Equal(s.Power, GattAssert.Reading(result, "power").Values["value"]);
        Expect(result, s.Has(0), "pedal_power_balance_percent", s.Balance / 2.0);
        Expect(result, s.Has(0), "pedal_power_balance_reference", s.Has(1) ? "left" : "unknown");
        Expect(result, s.Has(2), "accumulated_torque_nm", s.Torque / 32.0);
        Expect(result, s.Has(2), "accumulated_torque_source", s.Has(3) ? "crank" : "wheel");
        Expect(result, s.Has(4), GattFieldNames.CumulativeWheelRevolutions, (long)s.WheelRevolutions);
        Expect(result, s.Has(4), GattFieldNames.LastWheelEventTime, (long)s.WheelTime);
        Expect(result, s.Has(5), GattFieldNames.CumulativeCrankRevolutions, (long)s.CrankRevolutions);
        Expect(result, s.Has(5), GattFieldNames.LastCrankEventTime, (long)s.CrankTime);
        Expect(result, s.Has(6), "max_force_n", (long)s.Forces[0]);
        Expect(result, s.Has(6), "min_force_n", (long)s.Forces[1]);
        Expect(result, s.Has(7), "max_torque_nm", s.Torques[0] / 32.0);
        Expect(result, s.Has(7), "min_torque_nm", s.Torques[1] / 32.0);
        Expect(result, s.Has(8), "max_angle_deg", (long)s.MaxAngle);
        Expect(result, s.Has(8), "min_angle_deg", (long)s.MinAngle);
        Expect(result, s.Has(9), "top_dead_spot_angle_deg", (long)s.TopDeadSpot);
        Expect(result, s.Has(10), "bottom_dead_spot_angle_deg", (long)s.BottomDeadSpot);
        Assert.Equal(s.Has(11) ? [(double)s.Energy] : [], result.Readings.Where(r => r.Metric == "energy_expended").Select(r => r.Values["value"]));
        GattAssert.Field(result, "offset_compensation_indicator", s.Has(12));
    }

    private static void Expect(GattDecodeResult result, bool present, string name, object value)
    {
        if (present)
        {
            GattAssert.Field(result, name, value);
        }
        else
        {
            GattAssert.NoField(result, name);
        }
    }
}
