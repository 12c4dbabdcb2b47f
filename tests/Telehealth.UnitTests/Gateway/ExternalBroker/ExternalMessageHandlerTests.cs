using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Devices;
using Telehealth.Gateway.Core.ExternalBroker;
using Telehealth.Gateway.Core.Heartbeat;
using Telehealth.Gateway.Core.Status;
using Telehealth.UnitTests.Gateway.Buffer;
using Telehealth.UnitTests.Gateway.Devices;

namespace Telehealth.UnitTests.Gateway.ExternalBroker;

/// <summary>What external mode keeps of each delivered message, over a real SQLite buffer.</summary>
public sealed class ExternalMessageHandlerTests
{
    private readonly ExternalBrokerCounters _counters = new();
    private readonly GatewayCounters _gatewayCounters = new();

    private ExternalMessageHandler Create(TempBuffer temp, Telehealth.Gateway.Core.Buffer.SqliteReadingBuffer buffer, params string[] enrolled)
    {
        var devices = new DevicesOptions();
        foreach (var id in enrolled)
        {
            devices.Mqtt.Add(new MqttDeviceOptions { Id = id, PasswordSha256 = DeviceTestConfiguration.Sha256("pw-" + id) });
        }

        return new ExternalMessageHandler(buffer, new DeviceRegistry(Options.Create(devices)), _gatewayCounters, _counters, new GatewayClock(),
            temp.Time, NullLogger<ExternalMessageHandler>.Instance);
    }

    private static byte[] HeartRate(long ts) => Encoding.UTF8.GetBytes($$"""{"metric":"heart_rate","unit":"/min","ts":{{ts}},"value":72}""");

    private static async Task RunAsync(InFlightMessage message)
    {
        if (message.Commit is { } commit)
        {
            await commit(CancellationToken.None);
        }

        message.Committed();
    }

    private static Task NoAck(CancellationToken cancellationToken) => Task.CompletedTask;

    [Fact]
    public async Task ValidReading_OfAnEnrolledDevice_IsCommittedToTheBuffer()
    {
        await using var temp = new TempBuffer();
        await using var buffer = temp.Open();
        var handler = Create(temp, buffer, "watch-1");
        var now = temp.Time.GetUtcNow().ToUnixTimeMilliseconds();

        await RunAsync(handler.Classify("telehealth/v1/devices/watch-1/readings", HeartRate(now - 1000), NoAck));

        var row = Assert.Single(buffer.ReadAfter(0, 10));
        Assert.Equal("watch-1", row.Reading.DeviceId);
        Assert.Equal(1, _counters.MessagesReceived);
        Assert.Equal(1, _counters.MessagesCommitted);
        Assert.Equal(1, _gatewayCounters.ReadingsAccepted);
        Assert.Equal(["watch-1"], _gatewayCounters.DevicesSeen());
    }

    [Theory]
    [InlineData("telehealth/v1/devices/watch-1/readings", "not json", "watch-1")]
    [InlineData("telehealth/v1/devices/watch-1/readings", """{"metric":"heart_rate","unit":"bpm","ts":1795000000000,"value":72}""", "watch-1")]
    [InlineData("telehealth/v1/devices/bad id/readings", "{}", null)]
    public async Task InvalidMessage_IsKeptAsADeadLetterWithItsReason(string topic, string payload, string? device)
    {
        await using var temp = new TempBuffer();
        await using var buffer = temp.Open();
        var handler = Create(temp, buffer);

        await RunAsync(handler.Classify(topic, Encoding.UTF8.GetBytes(payload), NoAck));

        Assert.Empty(buffer.ReadAfter(0, 10));
        var letter = Assert.Single(buffer.ReadDeadLetters(10));
        Assert.Equal(device, letter.DeviceId);
        Assert.Equal("mqtt", letter.Source);
        Assert.False(string.IsNullOrWhiteSpace(letter.Reason));
        Assert.Equal(1, _counters.MessagesDeadLettered);
        Assert.Equal(1, _gatewayCounters.MessagesInvalid);
    }

    [Fact]
    public async Task DeviceNotEnrolledOnThisGateway_IsCounted_AndKeptAsADeadLetterNotAReading()
    {
        await using var temp = new TempBuffer();
        await using var buffer = temp.Open();
        var handler = Create(temp, buffer, "watch-1");
        var now = temp.Time.GetUtcNow().ToUnixTimeMilliseconds();

        var message = handler.Classify("telehealth/v1/devices/stranger-9/readings", HeartRate(now), NoAck);
        await RunAsync(message);

        Assert.Empty(buffer.ReadAfter(0, 10));
        var kept = Assert.Single(buffer.ReadDeadLetters(10));
        Assert.Equal("stranger-9", kept.DeviceId);
        Assert.Contains("not enrolled", kept.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _counters.MessagesNotEnrolled);
        Assert.Empty(_gatewayCounters.DevicesSeen());
    }

    [Fact]
    public async Task NoDevicesEnrolled_AcceptsAnyDeviceTheBrokerLetThrough()
    {
        await using var temp = new TempBuffer();
        await using var buffer = temp.Open();
        var handler = Create(temp, buffer);
        var now = temp.Time.GetUtcNow().ToUnixTimeMilliseconds();

        await RunAsync(handler.Classify("telehealth/v1/devices/any-1/readings", HeartRate(now), NoAck));

        Assert.Single(buffer.ReadAfter(0, 10));
    }
}
