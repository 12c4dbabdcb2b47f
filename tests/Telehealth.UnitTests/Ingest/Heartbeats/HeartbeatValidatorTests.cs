using Telehealth.Ingest.Contracts.Heartbeats;
using Telehealth.Ingest.Heartbeats;

namespace Telehealth.UnitTests.Ingest.Heartbeats;

public sealed class HeartbeatValidatorTests
{
    private static readonly GatewayHeartbeat Valid = new("gw-1", "1.0.0+abc", 1_764_000_000_000, 10, 4096, 1_763_999_990_000, 0, false, ["hr-1"], 12);

    [Fact]
    public void ValidHeartbeat_IsAccepted()
    {
        Assert.Null(HeartbeatValidator.Validate(Valid));
        Assert.Null(HeartbeatValidator.Validate(Valid with { OldestBufferedReceivedMs = null, ClockOffsetMs = null, DevicesSeen = [] }));
    }

    public static TheoryData<string, GatewayHeartbeat> Invalid => new()
    {
        { "version", Valid with { Version = "" } },
        { "version", Valid with { Version = new string('1', 65) } },
        { "version", Valid with { Version = "1.0\n" } },
        { "sentAtMs", Valid with { SentAtMs = 0 } },
        { "must not be negative", Valid with { BufferedReadings = -1 } },
        { "must not be negative", Valid with { BufferedBytes = -1 } },
        { "must not be negative", Valid with { DeadLetters = -5 } },
        { "oldestBufferedReceivedMs", Valid with { OldestBufferedReceivedMs = -1 } },
        { "more than 256", Valid with { DevicesSeen = [.. Enumerable.Range(0, 257).Select(i => "d" + i)] } },
        { "devicesSeen entry", Valid with { DevicesSeen = ["ok", ""] } },
        { "devicesSeen entry", Valid with { DevicesSeen = [new string('x', 65)] } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidField_IsRefusedWithAReasonNamingIt(string expected, GatewayHeartbeat heartbeat)
        => Assert.Contains(expected, HeartbeatValidator.Validate(heartbeat), StringComparison.Ordinal);
}
