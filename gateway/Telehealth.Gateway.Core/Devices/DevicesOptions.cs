using System.ComponentModel.DataAnnotations;
using Telehealth.Gateway.Core.Contract;

namespace Telehealth.Gateway.Core.Devices;

/// <summary>
/// The devices enrolled on this gateway, one list per transport. Section <c>Devices</c>; today <c>Devices:Mqtt</c>
/// (later BLE, I2C and GPIO lists sit beside it).
/// </summary>
public sealed class DevicesOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Devices";

    /// <summary>Devices allowed to connect to the embedded MQTT broker. Default: none.</summary>
    public IList<MqttDeviceOptions> Mqtt { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Mqtt.Count; i++)
        {
            var key = $"{SectionName}:{nameof(Mqtt)}:{i}";
            var device = Mqtt[i];
            if (string.IsNullOrEmpty(device.Id))
            {
                yield return new ValidationResult($"{key}:Id is missing", [nameof(Mqtt)]);
            }
            else if (!ReadingTopic.IsValidDeviceId(device.Id))
            {
                yield return new ValidationResult(
                    $"{key}:Id '{device.Id}' is not a valid device id (1-{ReadingTopic.MaxDeviceIdLength} characters of A-Z a-z 0-9 _ - .)", [nameof(Mqtt)]);
            }
            else if (!seen.TryAdd(device.Id, i))
            {
                yield return new ValidationResult($"{key}:Id '{device.Id}' is already enrolled as {SectionName}:{nameof(Mqtt)}:{seen[device.Id]}", [nameof(Mqtt)]);
            }

            if (!IsLowerHexSha256(device.PasswordSha256))
            {
                yield return new ValidationResult($"{key}:PasswordSha256 must be 64 lower-case hex characters (the SHA-256 of the password)", [nameof(Mqtt)]);
            }
        }
    }

    private static bool IsLowerHexSha256(string? text)
        => text is { Length: 64 } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
