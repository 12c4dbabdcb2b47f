using CsCheck;
using Telehealth.Gateway.Devices.Gatt.RunningSpeedCadence;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.RunningSpeedCadence;

public sealed class RscMeasurementDecoderTests
{
    private readonly RscMeasurementDecoder _decoder = new();

    [Fact]
    public void Decode_SpeedAndCadence_GivesMetresPerSecondAndPerMinute()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("00 00 03 B4")));

        Assert.Equal(3.0, GattAssert.Reading(result, "speed").Values["value"]);
        Assert.Equal(180, GattAssert.Reading(result, "cadence").Values["value"]);
        GattAssert.Field(result, "motion", "walking");
        GattAssert.NoReading(result, "stride_length");
        GattAssert.NoReading(result, "distance");
    }

    [Fact]
    public void Decode_AllFlags_GivesStrideLengthDistanceAndRunning()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("07 00 03 B4 8C 00 10 27 00 00")));

        Assert.Equal(1.4, GattAssert.Reading(result, "stride_length").Values["value"]);
        Assert.Equal(1000.0, GattAssert.Reading(result, "distance").Values["value"]);
        GattAssert.Field(result, "motion", "running");
    }

    [Theory]
    [InlineData("", "value too short: Flags")]
    [InlineData("00 00 03", "value too short: Instantaneous Cadence")]
    [InlineData("08 00 03 B4", "reserved flag bits 0x08")]
    [InlineData("02 00 03 B4 10 27 00", "value too short: Total Distance")]
    [InlineData("00 00 03 B4 00", "1 trailing byte(s)")]
    public void Decode_MalformedValue_FailsWithReason(string hex, string reason)
    {
        Assert.StartsWith(reason, GattAssert.Failure(_decoder.Decode(GattHex.Bytes(hex))));
    }

    [Fact]
    public void Decode_EveryFlagCombination_RoundTrips()
    {
        for (var flags = 0; flags < 0x08; flags++)
        {
            var f = flags;
            Gen.Select(Gen.UShort, Gen.Byte, Gen.UShort, Gen.UInt).Sample((speed, cadence, stride, distance) =>
            {
                var writer = new GattWriter().U8(f).U16(speed).U8(cadence);
                if ((f & 1) != 0)
                {
                    writer.U16(stride);
                }

                if ((f & 2) != 0)
                {
                    writer.U32(distance);
                }

                var result = GattAssert.Success(_decoder.Decode(writer.ToArray()));
                Assert.Equal(speed / 256.0, GattAssert.Reading(result, "speed").Values["value"]);
                Assert.Equal(cadence, GattAssert.Reading(result, "cadence").Values["value"]);
                Assert.Equal((f & 1) != 0 ? [stride / 100.0] : [], result.Readings.Where(r => r.Metric == "stride_length").Select(r => r.Values["value"]));
                Assert.Equal((f & 2) != 0 ? [distance / 10.0] : [], result.Readings.Where(r => r.Metric == "distance").Select(r => r.Values["value"]));
                GattAssert.Field(result, "motion", (f & 4) != 0 ? "running" : "walking");
            }, iter: 1000, threads: 1);
        }
    }
}
