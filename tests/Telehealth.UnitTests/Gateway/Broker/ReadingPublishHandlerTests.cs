using System.Collections;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Telehealth.Gateway.Core.Broker;
using Telehealth.Gateway.Core.Heartbeat;
using Telehealth.Gateway.Core.Status;
using Telehealth.UnitTests.Gateway.Buffer;

namespace Telehealth.UnitTests.Gateway.Broker;

/// <summary>The broker's publish handler over a real SQLite buffer: what each device is told, and what is kept.</summary>
public sealed class ReadingPublishHandlerTests
{
    internal static InterceptingPublishEventArgs Publish(string topic, string payload, MqttProtocolVersion version, string clientId = "dev-1")
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        IDictionary session = new Hashtable { [ReadingPublishHandler.ProtocolVersionKey] = version };
        return new InterceptingPublishEventArgs(message, clientId, clientId, session, CancellationToken.None);
    }

    internal static IOptions<BrokerOptions> BrokerSettings(bool requireCredentials = true)
        => Options.Create(new BrokerOptions { RequireDeviceCredentials = requireCredentials });

    private static string HeartRate(long ts, double value) => $$"""{"metric":"heart_rate","unit":"/min","ts":{{ts}},"value":{{value}}}""";

    [Fact]
    public async Task ValidReading_IsCommittedBeforeTheHandlerReturns_AndAnsweredSuccess()
    {
        await using var temp = new TempBuffer();
        await using var buffer = temp.Open();
        var counters = new GatewayCounters();
        var handler = new ReadingPublishHandler(buffer, counters, new GatewayClock(), temp.Time, BrokerSettings(), NullLogger<ReadingPublishHandler>.Instance);
        var now = temp.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var e = Publish("telehealth/v1/devices/dev-1/readings", HeartRate(now - 1000, 72), MqttProtocolVersion.V500);

        await handler.OnInterceptingPublishAsync(e);

        Assert.Equal(MqttPubAckReasonCode.Success, e.Response.ReasonCode);
        Assert.False(e.ProcessPublish);
        var row = Assert.Single(buffer.ReadAfter(0, 10));
        Assert.Equal(now, row.Reading.ReceivedAtMs);
        Assert.Equal(["dev-1"], counters.DevicesSeen());
    }

    [Theory]
    [InlineData("telehealth/v1/devices/dev-1/readings", """{"metric":"heart_rate","unit":"bpm","ts":1795000000000,"value":72}""", MqttPubAckReasonCode.PayloadFormatInvalid, "wrong unit")]
    [InlineData("telehealth/v1/devices/dev-1/readings", "not json", MqttPubAckReasonCode.PayloadFormatInvalid, "not valid JSON")]
    [InlineData("somewhere/else", """{"metric":"heart_rate","unit":"/min","ts":1795000000000,"value":72}""", MqttPubAckReasonCode.TopicNameInvalid, "topic must be")]
    public async Task InvalidMessage_Mqtt5_GetsAFailureCodeAndReason_AndIsDeadLettered(string topic, string payload, MqttPubAckReasonCode code, string reason)
    {
        await using var temp = new TempBuffer();
        await using var buffer = temp.Open();
        var counters = new GatewayCounters();
        // anonymous (development) mode: any topic reaches the parser, as before device credentials existed
        var handler = new ReadingPublishHandler(buffer, counters, new GatewayClock(), temp.Time, BrokerSettings(requireCredentials: false), NullLogger<ReadingPublishHandler>.Instance);
        var e = Publish(topic, payload, MqttProtocolVersion.V500);

        await handler.OnInterceptingPublishAsync(e);

        Assert.Equal(code, e.Response.ReasonCode);
        Assert.Contains(reason, e.Response.ReasonString, StringComparison.Ordinal);
        Assert.Empty(buffer.ReadAfter(0, 10));
        Assert.Contains(reason, Assert.Single(buffer.ReadDeadLetters(10)).Reason, StringComparison.Ordinal);
        Assert.Equal(1, counters.MessagesInvalid);
        Assert.False(e.CloseConnection);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public async Task FullBuffer_RefusesWithoutLosingCommittedReadings_Mqtt5QuotaExceeded_Mqtt311ConnectionClosed(MqttProtocolVersion version)
    {
        await using var temp = new TempBuffer(maxBytes: 1024 * 1024);
        await using var buffer = temp.Open();
        var counters = new GatewayCounters();
        var handler = new ReadingPublishHandler(buffer, counters, new GatewayClock(), temp.Time, BrokerSettings(), NullLogger<ReadingPublishHandler>.Instance);
        var start = temp.Time.GetUtcNow().ToUnixTimeMilliseconds() - 1_000_000;
        var accepted = 0;
        InterceptingPublishEventArgs? refused = null;
        for (var i = 0; i < 100_000 && refused is null; i++)
        {
            var samples = string.Join(',', Enumerable.Range(0, 20).Select(k => $$"""{"ts":{{start + (i * 20) + k}},"value":70}"""));
            var e = Publish("telehealth/v1/devices/dev-1/readings", $$"""{"metric":"heart_rate","unit":"/min","samples":[{{samples}}]}""", version);
            await handler.OnInterceptingPublishAsync(e);
            if (e.Response.ReasonCode == MqttPubAckReasonCode.Success && !e.CloseConnection)
            {
                accepted += 20;
            }
            else
            {
                refused = e;
            }
        }

        Assert.NotNull(refused);
        if (version == MqttProtocolVersion.V500)
        {
            Assert.Equal(MqttPubAckReasonCode.QuotaExceeded, refused.Response.ReasonCode);
            Assert.False(refused.CloseConnection);
        }
        else
        {
            Assert.True(refused.CloseConnection);
        }

        Assert.Equal(1, counters.MessagesRefused);
        Assert.True(buffer.GetStatus().Full);
        Assert.Equal(accepted, buffer.ReadAfter(0, 1_000_000).Count);
    }

    [Fact]
    public async Task ClockJumps_KeepReceiveTimesFromTheClock_AndKeepOffsetsInOrder()
    {
        await using var temp = new TempBuffer();
        await using var buffer = temp.Open();
        var clock = new SettableWallClock(temp.Time.GetUtcNow());
        var handler = new ReadingPublishHandler(buffer, new GatewayCounters(), new GatewayClock(), clock, BrokerSettings(), NullLogger<ReadingPublishHandler>.Instance);
        var deviceTs = clock.Now.ToUnixTimeMilliseconds() - 60_000;
        var received = new List<long>();

        foreach (var jump in new[] { TimeSpan.Zero, TimeSpan.FromHours(-3), TimeSpan.FromDays(2), TimeSpan.FromMinutes(-30) })
        {
            clock.Now += jump;
            received.Add(clock.Now.ToUnixTimeMilliseconds());
            var e = Publish("telehealth/v1/devices/dev-1/readings", HeartRate(deviceTs++, 70), MqttProtocolVersion.V500);
            await handler.OnInterceptingPublishAsync(e);
            Assert.True(e.Response.ReasonCode == MqttPubAckReasonCode.Success, $"after a jump of {jump}: {e.Response.ReasonString}");
        }

        var rows = buffer.ReadAfter(0, 10);
        Assert.Equal(received, rows.Select(r => r.Reading.ReceivedAtMs));
        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.Offset < p.Second.Offset));
    }

    [Fact]
    public async Task FutureDeviceTime_IsJudgedAgainstTheClockCorrectedByTheMeasuredOffset()
    {
        await using var temp = new TempBuffer();
        await using var buffer = temp.Open();
        var wall = new SettableWallClock(temp.Time.GetUtcNow() - TimeSpan.FromDays(4)); // the gateway runs 4 days behind
        var gatewayClock = new GatewayClock();
        var handler = new ReadingPublishHandler(buffer, new GatewayCounters(), gatewayClock, wall, BrokerSettings(), NullLogger<ReadingPublishHandler>.Instance);
        var realNow = temp.Time.GetUtcNow().ToUnixTimeMilliseconds();

        var beforeMeasuring = Publish("telehealth/v1/devices/dev-1/readings", HeartRate(realNow - 1000, 70), MqttProtocolVersion.V500);
        await handler.OnInterceptingPublishAsync(beforeMeasuring);
        Assert.Equal(MqttPubAckReasonCode.Success, beforeMeasuring.Response.ReasonCode);

        gatewayClock.Record(wall.Now.ToUnixTimeMilliseconds(), realNow, roundTripMs: 20);
        var plausible = Publish("telehealth/v1/devices/dev-1/readings", HeartRate(realNow - 500, 71), MqttProtocolVersion.V500);
        var future = Publish("telehealth/v1/devices/dev-1/readings", HeartRate(realNow + 3_600_000, 72), MqttProtocolVersion.V500);
        await handler.OnInterceptingPublishAsync(plausible);
        await handler.OnInterceptingPublishAsync(future);

        Assert.Equal(MqttPubAckReasonCode.Success, plausible.Response.ReasonCode);
        Assert.Equal(MqttPubAckReasonCode.PayloadFormatInvalid, future.Response.ReasonCode);
        Assert.Contains("impossible", Assert.Single(buffer.ReadDeadLetters(10)).Reason, StringComparison.Ordinal);
        Assert.Equal(2, buffer.ReadAfter(0, 10).Count);
    }
}
