namespace Telehealth.Alerts.Tracking;

/// <summary>What at most one active alert exists for, within a patient: a rule and a subject (device for technical rules).</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Subject">Empty for clinical rules.</param>
public readonly record struct AlertKey(string RuleId, string Subject);
