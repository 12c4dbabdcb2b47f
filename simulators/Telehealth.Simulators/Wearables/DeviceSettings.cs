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
    int InvalidEvery)
{
    /// <summary>The device's password; with it the device logs in with username = its device id. Null: no credentials.</summary>
    public string? Password { get; init; }
}
