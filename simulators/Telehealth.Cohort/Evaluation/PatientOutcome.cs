using Telehealth.Alerts.Profiles;
using Telehealth.Cohort.Citizens;

namespace Telehealth.Cohort.Evaluation;

/// <summary>The result of running one citizen through the rules (the readings themselves are dropped).</summary>
/// <param name="Index">Cohort index.</param>
/// <param name="Condition">Condition.</param>
/// <param name="Days">Days evaluated.</param>
/// <param name="EnabledRules">Rules enabled by default for the citizen.</param>
/// <param name="EvaluatedRules">Rules evaluated (enabled ones plus offered ones in shadow mode).</param>
/// <param name="Episodes">Labelled episodes.</param>
/// <param name="Dropouts">Device dropouts.</param>
/// <param name="Alerts">Alerts opened, in time order.</param>
/// <param name="SuppressedDuplicates">Firings folded into an alert already open (would have been duplicates).</param>
public sealed record PatientOutcome(
    int Index,
    Condition Condition,
    int Days,
    IReadOnlyList<string> EnabledRules,
    IReadOnlyList<string> EvaluatedRules,
    IReadOnlyList<LabelledEpisode> Episodes,
    IReadOnlyList<DeviceDropout> Dropouts,
    IReadOnlyList<OpenedAlert> Alerts,
    int SuppressedDuplicates);
