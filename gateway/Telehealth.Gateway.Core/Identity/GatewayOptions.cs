using System.ComponentModel.DataAnnotations;
using Telehealth.Ingest.Contracts.Identity;

namespace Telehealth.Gateway.Core.Identity;

/// <summary>Who this gateway is. Section <c>Gateway</c>.</summary>
public sealed class GatewayOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Gateway";

    /// <summary>This gateway's id, as enrolled at the ingest.</summary>
    [Required]
    public string Id { get; set; } = "";

    /// <summary>The pseudonymous patient this gateway is bound to (never a CPR number).</summary>
    [Required]
    public string PatientId { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PseudonymousId.Validate(Id, "Gateway:Id") is { } idError)
        {
            yield return new ValidationResult(idError, [nameof(Id)]);
        }

        if (PseudonymousId.Validate(PatientId, "Gateway:PatientId") is { } patientError)
        {
            yield return new ValidationResult(patientError, [nameof(PatientId)]);
        }
    }
}
