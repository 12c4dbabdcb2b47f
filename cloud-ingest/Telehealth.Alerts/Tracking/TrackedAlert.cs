using Telehealth.Alerts.Rules;

namespace Telehealth.Alerts.Tracking;

/// <summary>An alert raised for one rule, patient and subject, with the firings folded into it.</summary>
/// <param name="Id">Deterministic id: patient/rule/subject/opened-at ticks.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="RuleId">The rule.</param>
/// <param name="Subject">Empty for clinical rules, the device id for technical ones.</param>
/// <param name="Category">Clinical or technical.</param>
/// <param name="Status">Where it is in its life cycle.</param>
/// <param name="OpenedAt">The evaluation time that opened it.</param>
/// <param name="FirstFiring">The firing that opened it (what the clinician is shown first).</param>
/// <param name="LatestFiring">The latest firing folded in.</param>
/// <param name="FiringCount">Firings folded in, the opening one included.</param>
public sealed record TrackedAlert(
    string Id,
    string PatientId,
    string RuleId,
    string Subject,
    AlertCategory Category,
    AlertStatus Status,
    DateTimeOffset OpenedAt,
    AlertFiring FirstFiring,
    AlertFiring LatestFiring,
    int FiringCount)
{
    /// <summary>When a clinician acknowledged it.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>Who acknowledged it.</summary>
    public string? AcknowledgedBy { get; init; }

    /// <summary>When it was resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Why it was resolved.</summary>
    public string? Resolution { get; init; }

    /// <summary>When the rule last fired for it.</summary>
    public DateTimeOffset LastFiredAt => LatestFiring.EvaluatedAt;

    /// <summary>The key "one alert per" applies to.</summary>
    public AlertKey Key => new(RuleId, Subject);
}
