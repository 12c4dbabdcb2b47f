using CsCheck;
using Telehealth.Gateway.Devices.Gatt.CyclingSpeedCadence;
using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.CyclingSpeedCadence;

public sealed class CscMeasurementDecoderTests
{
    private readonly CscMeasurementDecoder _decoder = new();

    [Fact]
    public void Decode_WheelAndCrankData_GivesRawCountersAndNoReadings()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("03 0A 00 00 00 00 04 05 00 00 08")));

        Assert.Empty(result.Readings);
        GattAssert.Field(result, GattFieldNames.CumulativeWheelRevolutions, 10L);
        GattAssert.Field(result, GattFieldNames.LastWheelEventTime, 1024L);
        GattAssert.Field(result, GattFieldNames.CumulativeCrankRevolutions, 5L);
        GattAssert.Field(result, GattFieldNames.LastCrankEventTime, 2048L);
    }

    [Fact]
    public void Decode_NoData_IsValidAndEmpty()
    {
        var result = GattAssert.Success(_decoder.Decode(GattHex.Bytes("00")));

        GattAssert.NoField(result, GattFieldNames.CumulativeWheelRevolutions);
        GattAssert.NoField(result, GattFieldNames.CumulativeCrankRevolutions);
    }

    [Theory]
    [InlineData("", "value too short: Flags")]
    [InlineData("04", "reserved flag bits 0x04")]
    [InlineData("01 0A 00 00 00", "value too short: Last Wheel Event Time")]
    [InlineData("02 05 00", "value too short: Last Crank Event Time")]
    [InlineData("02 05 00 00 08 00", "1 trailing byte(s)")]
    public void Decode_MalformedValue_FailsWithReason(string hex, string reason)
    {
        Assert.StartsWith(reason, GattAssert.Failure(_decoder.Decode(GattHex.Bytes(hex))));
    }

    [Fact]
    public void Decode_EveryFlagCombination_RoundTrips()
    {
        for (var flags = 0; flags < 0x04; flags++)
        {
            var f = flags;
            Gen.Select(Gen.UInt, Gen.UShort, Gen.UShort, Gen.UShort).Sample((wheel, wheelTime, crank, crankTime) =>
            {
                var writer = new GattWriter().U8(f);
                if ((f & 1) != 0)
                {
                    writer.U32(wheel).U16(wheelTime);
                }

                if ((f & 2) != 0)
                {
                    writer.U16(crank).U16(crankTime);
                }

                var result = GattAssert.Success(_decoder.Decode(writer.ToArray()));
                Assert.Equal((f & 1) != 0 ? (object)(long)wheel : null, result.Fields.GetValueOrDefault(GattFieldNames.CumulativeWheelRevolutions));
                Assert.Equal((f & 1) != 0 ? (object)(long)wheelTime : null, result.Fields.GetValueOrDefault(GattFieldNames.LastWheelEventTime));
                Assert.Equal((f & 2) != 0 ? (object)(long)crank : null, result.Fields.GetValueOrDefault(GattFieldNames.CumulativeCrankRevolutions));
                Assert.Equal((f & 2) != 0 ? (object)(long)crankTime : null, result.Fields.GetValueOrDefault(GattFieldNames.LastCrankEventTime));
            }, iter: 1000, threads: 1);
        }
    }
}
