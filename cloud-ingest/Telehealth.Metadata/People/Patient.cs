namespace Telehealth.Metadata.People;

/// <summary>
/// A citizen, known only by a pseudonymous id. <see cref="Condition"/> selects the rules that apply (heart_failure,
/// copd, knee_hip_rehab, at_risk); <see cref="SettingsJson"/> holds per-patient rule thresholds and the rehab plan.
/// </summary>
public sealed record Patient(string Id, string? Condition, int UtcOffsetMinutes, string? SettingsJson, DateTimeOffset CreatedAt);
