using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Telehealth.Gateway.Core.Broker;
using Telehealth.Gateway.Core.Heartbeat;
using Telehealth.Gateway.Core.Status;
using Telehealth.UnitTests.Gateway.Buffer;
using static Telehealth.UnitTests.Gateway.Broker.ReadingPublishHandlerTests;

namespace Telehealth.UnitTests.Gateway.Broker;

/// <summary>The topic ACL of the publish handler: a logged-in device publishes only to its own reading topic.</summary>
public sealed class DeviceTopicAclTests
{
    private const string Valid = """{"metric":"heart_rate","unit":"/min","ts":1795000000000,"value":72}""";

    [Theory]
    [InlineData("telehealth/v1/devices/dev-2/readings")]
    [InlineData("telehealth/v1/devices/dev-1/readings/extra")]
    [InlineData("telehealth/v1/devices/dev-10/readings")]
    [InlineData("telehealth/v1/devices/dev/readings")]
    [InlineData("somewhere/else")]
    public async Task TopicNotItsOwn_Mqtt5_NotAuthorizedWithReason_CountedAndNothingKept(string topic)
    {
        await using var temp = new TempBuffer();
        await using var buffer = temp.Open();
        var counters = new GatewayCounters();
        var handler = new ReadingPublishHandler(buffer, counters, new GatewayClock(), temp.Time, BrokerSettings(), NullLogger<ReadingPublishHandler>.Instance);
        var e = Publish(topic, Valid, MqttProtocolVersion.V500, clientId: "dev-1");

        await handler.OnInterceptingPublishAsync(e);

        Assert.Equal(MqttPubAckReasonCode.NotAuthorized, e.Response.ReasonCode);
        Assert.Contains("telehealth/v1/devices/dev-1/readings", e.Response.ReasonString, StringComparison.Ordinal);
        Assert.False(e.ProcessPublish);
        Assert.False(e.CloseConnection);
        Assert.Equal(1, counters.MessagesUnauthorized);
        Assert.Equal(0, counters.MessagesInvalid);
        Assert.Empty(buffer.ReadAfter(0, 10));
        Assert.Empty(buffer.ReadDeadLetters(10));
        Assert.Empty(counters.DevicesSeen());
    }

    [Fact]
    public async Task TopicNotItsOwn_Mqtt311_ConnectionClosed_CountedAndNothingKept()
    {
        await using var temp = new TempBuffer();
        await using var buffer = temp.Open();
        var counters = new GatewayCounters();
        var handler = new ReadingPublishHandler(buffer, counters, new GatewayClock(), temp.Time, BrokerSettings(), NullLogger<ReadingPublishHandler>.Instance);
        var e = Publish("telehealth/v1/devices/dev-2/readings", Valid, MqttProtocolVersion.V311, clientId: "dev-1");

        await handler.OnInterceptingPublishAsync(e);

        Assert.True(e.CloseConnection);
        Assert.Equal(1, counters.MessagesUnauthorized);
        Assert.Empty(buffer.ReadAfter(0, 10));
        Assert.Empty(buffer.ReadDeadLetters(10));
    }

    [Fact]
    public async Task OwnTopic_InvalidPayload_IsStillDeadLetteredAsAPayloadProblem()
    {
        await using var temp = new TempBuffer();
        await using var buffer = temp.Open();
        var counters = new GatewayCounters();
        var handler = new ReadingPublishHandler(buffer, counters, new GatewayClock(), temp.Time, BrokerSettings(), NullLogger<ReadingPublishHandler>.Instance);
        var e = Publish("telehealth/v1/devices/dev-1/readings", "not json", MqttProtocolVersion.V500, clientId: "dev-1");

        await handler.OnInterceptingPublishAsync(e);

        Assert.Equal(MqttPubAckReasonCode.PayloadFormatInvalid, e.Response.ReasonCode);
        Assert.Equal(0, counters.MessagesUnauthorized);
        Assert.Equal(1, counters.MessagesInvalid);
        Assert.Single(buffer.ReadDeadLetters(10));
    }

    [Fact]
    public async Task CredentialsNotRequired_AnotherDevicesTopic_IsAcceptedAsBefore()
    {
        await using var temp = new TempBuffer();
        await using var buffer = temp.Open();
        var counters = new GatewayCounters();
        var handler = new ReadingPublishHandler(buffer, counters, new GatewayClock(), temp.Time, BrokerSettings(requireCredentials: false), NullLogger<ReadingPublishHandler>.Instance);
        var now = temp.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var payload = $$"""{"metric":"heart_rate","unit":"/min","ts":{{now - 1000}},"value":72}""";
        var e = Publish("telehealth/v1/devices/dev-2/readings", payload, MqttProtocolVersion.V500, clientId: "dev-1");

        await handler.OnInterceptingPublishAsync(e);

        Assert.Equal(MqttPubAckReasonCode.Success, e.Response.ReasonCode);
        Assert.Equal(0, counters.MessagesUnauthorized);
        Assert.Equal(["dev-2"], counters.DevicesSeen());
    }
}
