namespace Telehealth.Alerts.Rules;

/// <summary>A rule's finding at one evaluation: what was seen, over which window, against what.</summary>
/// <param name="RuleId">The rule (see <see cref="RuleIds"/>).</param>
/// <param name="PatientId">The patient.</param>
/// <param name="Subject">What inside the patient the alert is about: empty for clinical rules, the device id for technical ones.</param>
/// <param name="Category">Clinical or technical.</param>
/// <param name="EvaluatedAt">The evaluation time.</param>
/// <param name="WindowStart">Start of the data window the finding rests on.</param>
/// <param name="WindowEnd">End of that window.</param>
/// <param name="Observed">The values seen.</param>
/// <param name="Threshold">The threshold or limit crossed, in <paramref name="Unit"/>.</param>
/// <param name="Reference">The baseline or limit in words, e.g. "7-day mean 94.1 − 1.645 × SD 0.9".</param>
/// <param name="Unit">UCUM unit of the values.</param>
/// <param name="Message">One sentence for the clinician.</param>
/// <param name="Source">Where the rule comes from.</param>
public sealed record AlertFiring(
    string RuleId,
    string PatientId,
    string Subject,
    AlertCategory Category,
    DateTimeOffset EvaluatedAt,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    IReadOnlyList<ObservedValue> Observed,
    double Threshold,
    string Reference,
    string Unit,
    string Message,
    string Source);
