namespace Telehealth.Metadata.Alerts;

/// <summary>What one evaluation of a patient changes in the patient's alerts.</summary>
public sealed record AlertChanges(IReadOnlyList<NewAlert> Opened, IReadOnlyList<AlertFold> Folded, IReadOnlyList<AlertQuietResolution> Resolved)
{
    /// <summary>No change.</summary>
    public static AlertChanges None { get; } = new([], [], []);
}
