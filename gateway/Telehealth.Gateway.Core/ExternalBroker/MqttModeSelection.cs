using Microsoft.Extensions.Configuration;

namespace Telehealth.Gateway.Core.ExternalBroker;

/// <summary>Reads <c>Mqtt:Mode</c> while the host is composed: a wrong value stops the gateway naming the key.</summary>
public static class MqttModeSelection
{
    /// <summary>The configuration key.</summary>
    public const string Key = "Mqtt:Mode";

    /// <summary>The configured mode; <see cref="MqttMode.Embedded"/> when the key is absent.</summary>
    public static MqttMode Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return MqttMode.Embedded;
        }

        var name = value.Trim();
        return name.All(char.IsAsciiLetter) && Enum.TryParse<MqttMode>(name, ignoreCase: true, out var mode)
            ? mode
            : throw new InvalidOperationException($"{Key} '{value}' is not valid: use Embedded (default) or External.");
    }
}
