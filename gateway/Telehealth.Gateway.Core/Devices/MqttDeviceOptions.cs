namespace Telehealth.Gateway.Core.Devices;

/// <summary>One enrolled MQTT device: <c>Devices:Mqtt:N</c>.</summary>
public sealed class MqttDeviceOptions
{
    /// <summary>The device id: its MQTT client id, its username, and the {deviceId} of its topic.</summary>
    public string Id { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the device's password (<c>printf '%s' 'pw' | sha256sum</c>); never the password itself.</summary>
    public string PasswordSha256 { get; set; } = "";
}
