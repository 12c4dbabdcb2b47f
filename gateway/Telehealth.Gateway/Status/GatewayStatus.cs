using Telehealth.Gateway.Core.Buffer;
using Telehealth.Gateway.Core.ExternalBroker;

namespace Telehealth.Gateway.Status;

/// <summary>The status page's JSON. The top-level counters are the MQTT broker's and the forwarder's (kept for existing
/// scripts); <see cref="Adapters"/> has every adapter's counters.</summary>
public sealed record GatewayStatus(
    string GatewayId,
    long MessagesAccepted,
    long ReadingsAccepted,
    long MessagesInvalid,
    long MessagesRefused,
    long MessagesUnauthorized,
    long ConnectionsRefused,
    long BatchesSent,
    long ReadingsRejectedByIngest,
    long SendFailures,
    long? ClockOffsetMs,
    IReadOnlyList<string> DevicesSeen,
    BufferStatus Buffer,
    AdapterStatus Adapters,
    ExternalBrokerStatus? MqttExternal);
