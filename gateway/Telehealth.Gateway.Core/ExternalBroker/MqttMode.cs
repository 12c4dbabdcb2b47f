namespace Telehealth.Gateway.Core.ExternalBroker;

/// <summary>How MQTT devices reach the gateway (<c>Mqtt:Mode</c>).</summary>
public enum MqttMode
{
    /// <summary>Default: the gateway hosts its own broker; devices publish to it and the PUBACK means "committed".</summary>
    Embedded,

    /// <summary>
    /// The gateway subscribes to an existing broker (e.g. a municipality's mosquitto) with a persistent session and
    /// acknowledges each message only after the commit (section <c>Mqtt:External</c>).
    /// </summary>
    External,
}
