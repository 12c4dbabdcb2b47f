namespace Telehealth.Metadata.Alerts;

/// <summary>
/// What an evaluation changed once applied: the alerts opened now and how many alerts resolved (each with an outbox
/// notification), how many firings were folded, and <see cref="LostRaces"/> — openings refused by the one-active-
/// alert-per-rule index because another instance opened the same alert first (they become nothing, not duplicates).
/// </summary>
public sealed record AlertEvaluationOutcome(IReadOnlyList<StoredAlert> Opened, int Folded, int Resolved, int LostRaces);
