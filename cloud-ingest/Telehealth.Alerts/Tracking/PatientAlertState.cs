namespace Telehealth.Alerts.Tracking;

/// <summary>A patient's active (open or acknowledged) alerts; stored by the caller between evaluations.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Active">At most one per <see cref="AlertKey"/>.</param>
public sealed record PatientAlertState(string PatientId, IReadOnlyList<TrackedAlert> Active)
{
    /// <summary>
    /// For a rule and subject without an active alert, its latest alert when a clinician resolved it by hand (at most
    /// one per <see cref="AlertKey"/>): a firing on the same evidence as that alert's latest firing opens no new alert.
    /// </summary>
    public IReadOnlyList<TrackedAlert> ResolvedByHand { get; init; } = [];

    /// <summary>A patient with no active alerts.</summary>
    public static PatientAlertState Empty(string patientId) => new(patientId, []);
}
