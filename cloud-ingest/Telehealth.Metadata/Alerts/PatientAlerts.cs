namespace Telehealth.Metadata.Alerts;

/// <summary>What an evaluation decides against: a patient's stored alerts, read in the evaluation's transaction.</summary>
/// <param name="Active">The open and acknowledged alerts.</param>
/// <param name="ResolvedByHand">
/// For each rule and subject without an active alert, its latest alert when a clinician resolved it (not the system),
/// within <see cref="AlertStore.ResolvedByHandHorizon"/>: a firing on the same evidence opens no new alert.
/// </param>
public sealed record PatientAlerts(IReadOnlyList<StoredAlert> Active, IReadOnlyList<StoredAlert> ResolvedByHand);
