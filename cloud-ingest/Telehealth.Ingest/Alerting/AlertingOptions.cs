using System.ComponentModel.DataAnnotations;

namespace Telehealth.Ingest.Alerting;

/// <summary>
/// Relapse-alert evaluation in the running ingest (section <c>Alerting</c>). Defaults: evaluation 500 ms after a
/// patient's last batch (debounce), at most 2 s after the first; a scheduled pass for silence and adherence every
/// 300 s; alerts resolve by themselves after 7 quiet days (clinical) or 12 h (technical).
/// </summary>
public sealed class AlertingOptions : IValidatableObject
{
    public const string SectionName = "Alerting";

    /// <summary>Evaluate at all (default true). Off: no evaluation, no scheduled pass, no webhook; the API still answers.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quiet time after a patient's latest batch before the patient is evaluated (default 500).</summary>
    [Range(0, 60_000)]
    public int DebounceMilliseconds { get; set; } = 500;

    /// <summary>Longest a patient with data arriving continuously waits for an evaluation (default 2000).</summary>
    [Range(0, 600_000)]
    public int MaxDelayMilliseconds { get; set; } = 2000;

    /// <summary>Wait before evaluating again a patient whose evaluation failed (default 5000).</summary>
    [Range(100, 600_000)]
    public int RetryMilliseconds { get; set; } = 5000;

    /// <summary>Period of the scheduled pass that evaluates silence and adherence for every patient (default 300).</summary>
    [Range(1, 86_400)]
    public int ScheduleSeconds { get; set; } = 300;

    /// <summary>Patients evaluated at once (default 2).</summary>
    [Range(1, 64)]
    public int MaxParallelEvaluations { get; set; } = 2;

    /// <summary>Days a clinical rule must stay quiet before its alert resolves by itself (default 7; 0 = only by hand).</summary>
    [Range(0, 365)]
    public int ClinicalQuietDays { get; set; } = 7;

    /// <summary>Hours a device must be back before its silence alert resolves by itself (default 12; 0 = only by hand).</summary>
    [Range(0, 8760)]
    public int TechnicalQuietHours { get; set; } = 12;

    /// <summary>The webhook that is told about every alert opened, acknowledged or resolved.</summary>
    public WebhookOptions Webhook { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        if (Webhook is not null && !Validator.TryValidateObject(Webhook, new ValidationContext(Webhook), results, validateAllProperties: true))
        {
            return results.Select(r => new ValidationResult("Alerting:Webhook: " + r.ErrorMessage, r.MemberNames.Select(m => "Webhook." + m)));
        }

        return results;
    }
}
