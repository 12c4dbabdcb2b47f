using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Telehealth.Simulators.Wearables;

/// <summary>
/// How simulated devices get their passwords: one shared password, or <c>prefix + device id</c> so that every device
/// has its own. Also writes the gateway's enrolment (<c>Devices__Mqtt__N__Id</c>/<c>PasswordSha256</c>) for a set of ids.
/// </summary>
public sealed record DevicePasswords(string? Shared, string? Prefix)
{
    /// <summary>No credentials: for a broker that allows anonymous devices.</summary>
    public static DevicePasswords None { get; } = new(null, null);

    /// <summary>A random per-run prefix, so that each device's password is <c>prefix + id</c> and unguessable.</summary>
    public static DevicePasswords RandomPerDevice() => new(null, "sim-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + "-");

    /// <summary>The password of <paramref name="deviceId"/>, or null when devices use none.</summary>
    public string? For(string deviceId) => Shared ?? (Prefix is null ? null : Prefix + deviceId);

    /// <summary>Lower-case hex SHA-256 of a password, as <c>Devices:Mqtt:N:PasswordSha256</c> wants it.</summary>
    public static string Sha256(string password) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));

    /// <summary>Environment variables that enrol <paramref name="deviceIds"/> on a gateway, numbered from <paramref name="firstIndex"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> EnrolmentEnvironment(IEnumerable<string> deviceIds, int firstIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(deviceIds);
        var index = firstIndex;
        foreach (var id in deviceIds)
        {
            var password = For(id) ?? throw new InvalidOperationException("devices without passwords cannot be enrolled");
            var n = index.ToString(CultureInfo.InvariantCulture);
            yield return new($"Devices__Mqtt__{n}__Id", id);
            yield return new($"Devices__Mqtt__{n}__PasswordSha256", Sha256(password));
            index++;
        }
    }
}
