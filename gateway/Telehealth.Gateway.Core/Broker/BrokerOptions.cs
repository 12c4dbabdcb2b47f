using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Telehealth.Gateway.Core.Broker;

/// <summary>The embedded MQTT broker devices publish to. Section <c>Mqtt</c>.</summary>
public sealed class BrokerOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Mqtt";

    /// <summary>TCP port. Default 1883.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>Address to listen on. Default 127.0.0.1; set 0.0.0.0 for devices on the home network.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Default true: a device must log in with username = client id = an enrolled device id (<c>Devices:Mqtt</c>) and
    /// its password, and may publish only to its own reading topic. False: anonymous, any device id — for development only.
    /// </summary>
    public bool RequireDeviceCredentials { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            yield return new ValidationResult($"Mqtt:BindAddress '{BindAddress}' is not an IP address", [nameof(BindAddress)]);
        }
    }
}
