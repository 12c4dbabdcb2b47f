using System.ComponentModel.DataAnnotations;
using Telehealth.Ingest.Contracts.Identity;

namespace Telehealth.Ingest.Gateways;

/// <summary>
/// Gateway authentication (section <c>Gateways</c>). Gateways live in the metadata store; <see cref="Known"/> is a seed
/// for development, tests and scripts, upserted into the store at start (patient created, secret hash, devices).
/// </summary>
public sealed class GatewayRegistryOptions : IValidatableObject
{
    public const string SectionName = "Gateways";

    public List<GatewayCredential> Known { get; set; } = [];

    /// <summary>
    /// Seconds a successful gateway authentication is remembered (per gateway and secret) so that batches do not each
    /// query the store. Default 5; 0 turns the cache off. A revocation, a device change or an enrolment made through this
    /// instance takes effect at once; one made elsewhere (another instance, the admin CLI) within this many seconds.
    /// </summary>
    [Range(0, 300)]
    public int AuthenticationCacheSeconds { get; set; } = 5;

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

            for (var d = 0; d < gateway.Devices.Count; d++)
            {
                if (Metadata.Gateways.DeviceId.Validate(gateway.Devices[d]) is { } deviceError)
                {
                    yield return new ValidationResult($"{key}:Devices:{d}: {deviceError}");
                }
            }
        }
    }
}
