namespace Telehealth.Gateway.Status;

/// <summary>The embedded MQTT broker's counters on <c>/status</c>.</summary>
public sealed record MqttAdapterStatus(
    long MessagesAccepted,
    long ReadingsAccepted,
    long MessagesInvalid,
    long MessagesRefused,
    long MessagesUnauthorized,
    long ConnectionsRefused,
    int DevicesSeen);
