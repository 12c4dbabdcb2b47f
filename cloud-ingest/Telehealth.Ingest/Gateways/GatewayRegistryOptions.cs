using System.ComponentModel.DataAnnotations;
using Telehealth.Ingest.Contracts.Identity;

namespace Telehealth.Ingest.Gateways;

/// <summary>
/// The gateways this ingest accepts, from configuration (section <c>Gateways</c>). Each has its own secret and is
/// bound to one pseudonymous patient.
/// </summary>
public sealed class GatewayRegistryOptions : IValidatableObject
{
    public const string SectionName = "Gateways";

    public List<GatewayCredential> Known { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Known.Count; i++)
        {
            var gateway = Known[i];
            var key = $"Gateways:Known:{i}";
            if (PseudonymousId.Validate(gateway.Id, key + ":Id") is { } idError)
            {
                yield return new ValidationResult(idError);
            }
            else if (!ids.Add(gateway.Id))
            {
                yield return new ValidationResult($"{key}:Id '{gateway.Id}' is listed twice");
            }

            if (PseudonymousId.Validate(gateway.PatientId, key + ":PatientId") is { } patientError)
            {
                yield return new ValidationResult(patientError);
            }

            if (gateway.SecretSha256.Length != 64 || !gateway.SecretSha256.All(char.IsAsciiHexDigit))
            {
                yield return new ValidationResult($"{key}:SecretSha256 must be 64 hex digits (sha256sum of the secret)");
            }
        }
    }
}
