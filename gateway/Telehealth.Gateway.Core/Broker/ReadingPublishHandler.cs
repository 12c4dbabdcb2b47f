using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Telehealth.Gateway.Core.Buffer;
using Telehealth.Gateway.Core.Contract;
using Telehealth.Gateway.Core.Heartbeat;
using Telehealth.Gateway.Core.Readings;
using Telehealth.Gateway.Core.Status;

namespace Telehealth.Gateway.Core.Broker;

/// <summary>
/// Runs inside the broker before it answers a PUBLISH: parses the reading, commits it to the buffer, and only then
/// lets the PUBACK go. Invalid payloads are dead-lettered (MQTT 5: PUBACK PayloadFormatInvalid + reason string).
/// A failed commit refuses the message: MQTT 5 gets a failure reason code (QuotaExceeded when full), MQTT 3.1.1 —
/// whose PUBACK cannot carry one — gets its connection closed so the device resends.
/// With <see cref="BrokerOptions.RequireDeviceCredentials"/> a device may publish only to its own reading topic: anything
/// else is refused as not authorized (MQTT 5: PUBACK NotAuthorized + reason; MQTT 3.1.1: connection closed), counted,
/// logged, and not kept.
/// </summary>
/// <remarks>
/// Device times are judged "too far in the future" against the gateway clock corrected by the offset measured against
/// the ingest; until one is measured (a Pi without RTC may boot with a wrong clock) that check is left to the ingest.
/// </remarks>
public sealed partial class ReadingPublishHandler(
    SqliteReadingBuffer buffer,
    GatewayCounters counters,
    GatewayClock clock,
    TimeProvider time,
    IOptions<BrokerOptions> options,
    ILogger<ReadingPublishHandler> logger)
{
    /// <summary>Session item key under which the connection's protocol version is kept.</summary>
    public const string ProtocolVersionKey = "telehealth.protocol";

    /// <summary>Remembers the client's protocol version for its publishes (called while validating its connection).</summary>
    public static void RememberProtocol(ValidatingConnectionEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        e.SessionItems[ProtocolVersionKey] = e.ProtocolVersion;
    }

    /// <summary>The broker's InterceptingPublishAsync handler.</summary>
    public async Task OnInterceptingPublishAsync(InterceptingPublishEventArgs e)
    {
        e.ProcessPublish = false; // consumed here: nothing is routed to subscribers
        var isV5 = e.SessionItems[ProtocolVersionKey] is MqttProtocolVersion.V500;
        if (options.Value.RequireDeviceCredentials && !IsOwnTopic(e.ApplicationMessage.Topic, e.ClientId))
        {
            counters.MessageUnauthorized();
            LogUnauthorized(logger, e.ClientId);
            if (isV5)
            {
                e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
                e.Response.ReasonString = $"client {e.ClientId} may publish only to {ReadingTopic.For(e.ClientId)}";
            }
            else
            {
                e.CloseConnection = true;
            }

            return;
        }

        var payload = e.ApplicationMessage.Payload;
        var bytes = payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();

        string? error;
        string? deviceId = null;
        IReadOnlyList<DeviceReading> readings = [];
        if (ReadingTopic.TryParse(e.ApplicationMessage.Topic, out var parsedDevice, out error))
        {
            deviceId = parsedDevice;
            counters.DeviceSeen(deviceId);
            var result = ReadingPayloadParser.Parse(bytes, deviceId, now, clock.OffsetMs is { } offset ? now + offset : null);
            error = result.Error;
            readings = result.Readings;
        }

        try
        {
            if (error is not null)
            {
                await buffer.AppendDeadLettersAsync([new DeadLetter("mqtt", deviceId, error, bytes.ToArray())], e.CancellationToken);
                counters.MessageInvalid();
                LogInvalid(logger, e.ClientId);
                e.Response.ReasonCode = deviceId is null ? MqttPubAckReasonCode.TopicNameInvalid : MqttPubAckReasonCode.PayloadFormatInvalid;
                e.Response.ReasonString = error;
                return;
            }

            await buffer.AppendAsync(readings, e.CancellationToken);
            counters.MessageAccepted(readings.Count);
            e.Response.ReasonCode = MqttPubAckReasonCode.Success;
        }
        catch (BufferUnavailableException ex)
        {
            counters.MessageRefused();
            if (isV5)
            {
                e.Response.ReasonCode = ex.QuotaExceeded ? MqttPubAckReasonCode.QuotaExceeded : MqttPubAckReasonCode.ImplementationSpecificError;
                e.Response.ReasonString = ex.Message;
            }
            else
            {
                e.CloseConnection = true;
            }
        }
    }

    private static bool IsOwnTopic(string? topic, string clientId)
        => topic is not null && topic.Length == ReadingTopic.Prefix.Length + clientId.Length + ReadingTopic.Suffix.Length
            && topic.StartsWith(ReadingTopic.Prefix, StringComparison.Ordinal) && topic.EndsWith(ReadingTopic.Suffix, StringComparison.Ordinal)
            && topic.AsSpan(ReadingTopic.Prefix.Length, clientId.Length).SequenceEqual(clientId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning,
        Message = "Security: refused a publish of device {DeviceId} to a topic not its own; not kept")]
    private static partial void LogUnauthorized(ILogger logger, string deviceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an invalid reading message from client {ClientId}; kept as a dead letter with the reason")]
    private static partial void LogInvalid(ILogger logger, string clientId);
}
