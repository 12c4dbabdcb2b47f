using System.ComponentModel.DataAnnotations;

namespace Telehealth.Metadata.Gateways;

/// <summary>Gateway secrets (section <c>Gateways</c>, next to the seed list <c>Gateways:Known</c>).</summary>
public sealed class GatewaySecretOptions
{
    public const string SectionName = "Gateways";

    /// <summary>How long a secret issued by enrolment or rotation is valid, in days. Default 365.</summary>
    [Range(1, 3650)]
    public int SecretLifetimeDays { get; set; } = 365;
}
