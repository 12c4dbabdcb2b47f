namespace Telehealth.Alerts.Tracking;

/// <summary>A patient's active (open or acknowledged) alerts; stored by the caller between evaluations.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Active">At most one per <see cref="AlertKey"/>.</param>
public sealed record PatientAlertState(string PatientId, IReadOnlyList<TrackedAlert> Active)
{
    /// <summary>A patient with no active alerts.</summary>
    public static PatientAlertState Empty(string patientId) => new(patientId, []);
}
