namespace Telehealth.Alerts.Tracking;

/// <summary>The outcome of folding one evaluation's firings into a patient's alerts.</summary>
/// <param name="State">The new state to store.</param>
/// <param name="Opened">Alerts opened now (notify about these).</param>
/// <param name="Resolved">Alerts resolved now because their rule went quiet.</param>
/// <param name="SuppressedDuplicates">Firings folded into an alert already open or acknowledged.</param>
/// <param name="HeldAfterResolution">
/// Firings that opened nothing because they rest on the evidence a clinician already resolved by hand.
/// </param>
public sealed record AlertTrackerResult(
    PatientAlertState State,
    IReadOnlyList<TrackedAlert> Opened,
    IReadOnlyList<TrackedAlert> Resolved,
    int SuppressedDuplicates,
    int HeldAfterResolution);
