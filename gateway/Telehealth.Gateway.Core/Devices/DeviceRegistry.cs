using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Telehealth.Gateway.Core.Devices;

/// <summary>
/// The enrolled devices (section <c>Devices</c>) and their credential check. Only SHA-256 hashes of passwords are held;
/// a presented password is hashed and compared in constant time, and an unknown device costs the same work as a known one.
/// </summary>
public sealed class DeviceRegistry
{
    private static readonly byte[] NoDevice = new byte[SHA256.HashSizeInBytes];
    private readonly FrozenDictionary<string, byte[]> _mqtt;

    public DeviceRegistry(IOptions<DevicesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _mqtt = options.Value.Mqtt.ToFrozenDictionary(d => d.Id, d => Convert.FromHexString(d.PasswordSha256), StringComparer.Ordinal);
    }

    /// <summary>How many MQTT devices are enrolled.</summary>
    public int MqttDeviceCount => _mqtt.Count;

    /// <summary>True when <paramref name="deviceId"/> is an enrolled MQTT device.</summary>
    public bool IsEnrolledMqttDevice(string deviceId) => _mqtt.ContainsKey(deviceId);

    /// <summary>Checks an MQTT device's username (= its device id) and password bytes.</summary>
    public CredentialCheck CheckMqtt(string? username, ReadOnlySpan<byte> password, bool passwordGiven)
    {
        if (string.IsNullOrEmpty(username) || !passwordGiven)
        {
            return CredentialCheck.Missing;
        }

        var known = _mqtt.TryGetValue(username, out var expected);
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(password, presented);
        var equal = CryptographicOperations.FixedTimeEquals(presented, known ? expected : NoDevice);
        return !known ? CredentialCheck.UnknownDevice : equal ? CredentialCheck.Accepted : CredentialCheck.WrongPassword;
    }
}
