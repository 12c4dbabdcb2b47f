using Telehealth.Gateway.Core.Heartbeat;

namespace Telehealth.UnitTests.Gateway.Heartbeat;

public sealed class GatewayClockTests
{
    [Fact]
    public void BeforeAnyMeasurement_OffsetIsUnknown() => Assert.Null(new GatewayClock().OffsetMs);

    [Theory]
    [InlineData(1_000_000, 1_000_050, 100, 0)]          // server read its clock half-way through the round trip: in step
    [InlineData(1_000_000, 1_360_050, 100, 360_000)]    // the gateway is 6 minutes behind
    [InlineData(1_000_000, 999_050, 100, -1000)]        // the gateway is 1 s ahead
    public void Offset_IsServerTimeMinusTheMiddleOfTheRoundTrip(long sentMs, long serverMs, long roundTripMs, long expected)
    {
        var clock = new GatewayClock();

        clock.Record(sentMs, serverMs, roundTripMs);

        Assert.Equal(expected, clock.OffsetMs);
        Assert.Equal(roundTripMs, clock.RoundTripMs);
    }
}
