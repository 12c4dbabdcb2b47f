using MQTTnet.Formatter;

namespace Telehealth.Simulators.Wearables;

/// <summary>How one simulated device connects and publishes.</summary>
public sealed record DeviceSettings(
    string Host,
    int Port,
    string DeviceId,
    DeviceKind Kind,
    int Seed,
    MqttProtocolVersion Protocol,
    double MessagesPerSecond,
    int SamplesPerMessage,
    long? MaxMessages,
    int InvalidEvery);
