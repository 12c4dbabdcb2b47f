using System.Buffers;
using Microsoft.Extensions.Logging;
using MQTTnet;
using Telehealth.Gateway.Core.Buffer;
using Telehealth.Gateway.Core.Contract;
using Telehealth.Gateway.Core.Devices;
using Telehealth.Gateway.Core.Heartbeat;
using Telehealth.Gateway.Core.Status;

namespace Telehealth.Gateway.Core.ExternalBroker;

/// <summary>
/// Turns one message delivered by the external broker into an <see cref="InFlightMessage"/>: valid readings are
/// committed to the buffer, an invalid payload or topic becomes a dead letter (kept with its reason, then
/// acknowledged), a message for a device not enrolled on this gateway (only when <c>Devices:Mqtt</c> lists devices) is
/// never fed to the readings: it becomes a dead letter too — kept with its reason, counted, logged as a security event —
/// because the external broker already acknowledged it to the device, so dropping it would lose it silently. Same contract and checks as the embedded broker.
/// </summary>
public sealed partial class ExternalMessageHandler(
    SqliteReadingBuffer buffer,
    DeviceRegistry registry,
    GatewayCounters gatewayCounters,
    ExternalBrokerCounters counters,
    GatewayClock clock,
    TimeProvider time,
    ILogger<ExternalMessageHandler> logger)
{
    /// <summary>The subscription: every device's reading topic.</summary>
    public const string TopicFilter = ReadingTopic.Prefix + "+" + ReadingTopic.Suffix;

    /// <summary>Classifies a delivered message; <paramref name="acknowledge"/> sends its PUBACK.</summary>
    public InFlightMessage Classify(string topic, ReadOnlySpan<byte> payload, Func<CancellationToken, Task> acknowledge)
    {
        counters.Received();
        if (!ReadingTopic.TryParse(topic, out var deviceId, out var topicError))
        {
            return DeadLetter(null, topicError!, payload.ToArray(), acknowledge);
        }

        if (registry.MqttDeviceCount > 0 && !registry.IsEnrolledMqttDevice(deviceId))
        {
            LogNotEnrolled(logger, deviceId);
            var kept = payload.ToArray();
            return new InFlightMessage(
                ct => buffer.AppendDeadLettersAsync([new DeadLetter("mqtt", deviceId, "device is not enrolled on this gateway (Devices:Mqtt)", kept)], ct),
                acknowledge,
                counters.NotEnrolled);
        }

        gatewayCounters.DeviceSeen(deviceId);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var result = ReadingPayloadParser.Parse(payload, deviceId, now, clock.OffsetMs is { } offset ? now + offset : null);
        if (result.Error is { } error)
        {
            return DeadLetter(deviceId, error, payload.ToArray(), acknowledge);
        }

        var readings = result.Readings;
        return new InFlightMessage(
            ct => buffer.AppendAsync(readings, ct),
            acknowledge,
            () =>
            {
                counters.Committed();
                gatewayCounters.MessageAccepted(readings.Count);
            });
    }

    /// <summary>The client's ApplicationMessageReceivedAsync handler: manual acknowledgement through <paramref name="acknowledger"/>.</summary>
    public Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e, OrderedAcknowledger acknowledger)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(acknowledger);
        e.AutoAcknowledge = false;
        var payload = e.ApplicationMessage.Payload;
        var bytes = payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray();
        acknowledger.Enqueue(Classify(e.ApplicationMessage.Topic, bytes, e.AcknowledgeAsync));
        return Task.CompletedTask;
    }

    private InFlightMessage DeadLetter(string? deviceId, string reason, byte[] payload, Func<CancellationToken, Task> acknowledge)
    {
        LogInvalid(logger, deviceId ?? "(no device id)");
        return new InFlightMessage(
            ct => buffer.AppendDeadLettersAsync([new DeadLetter("mqtt", deviceId, reason, payload)], ct),
            acknowledge,
            () =>
            {
                counters.DeadLettered();
                gatewayCounters.MessageInvalid();
            });
    }

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "Security: the external broker delivered a message of device {DeviceId}, which is not enrolled on this gateway (Devices:Mqtt); kept as a dead letter, not as a reading")]
    private static partial void LogNotEnrolled(ILogger logger, string deviceId);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning,
        Message = "Invalid reading message of {DeviceId} from the external broker; kept as a dead letter with the reason")]
    private static partial void LogInvalid(ILogger logger, string deviceId);
}
