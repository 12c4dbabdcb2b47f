using Telehealth.Cohort.Citizens;

namespace Telehealth.Cohort.Evaluation;

/// <summary>Everything the evaluate command prints.</summary>
/// <param name="Options">What was run.</param>
/// <param name="PatientYears">Simulated patient-years.</param>
/// <param name="EpisodesByKind">Labelled episodes per kind.</param>
/// <param name="Rules">Per rule (each over the citizens it was evaluated for, shadow rules included).</param>
/// <param name="Overall">The rules enabled by default, together, over every citizen and episode.</param>
/// <param name="ChanceLevel">The same windows at episode-free times: what the alert rate alone would score.</param>
/// <param name="OverallByKind">The enabled rules together, per episode kind (false alerts over the citizens with that kind's condition).</param>
/// <param name="HeartFailureWeight">Rule of thumb and MACD on the heart-failure citizens, side by side.</param>
/// <param name="Technical">Technical silence.</param>
/// <param name="SuppressedDuplicates">Firings folded into open alerts (duplicates avoided).</param>
/// <param name="RepeatAlertsInEpisode">Times a rule opened a second alert inside one episode window (after its first resolved).</param>
public sealed record CohortReport(
    EvaluationOptions Options,
    double PatientYears,
    IReadOnlyDictionary<EpisodeKind, int> EpisodesByKind,
    IReadOnlyList<DetectionMetrics> Rules,
    DetectionMetrics Overall,
    DetectionMetrics ChanceLevel,
    IReadOnlyList<DetectionMetrics> OverallByKind,
    IReadOnlyList<DetectionMetrics> HeartFailureWeight,
    TechnicalMetrics Technical,
    int SuppressedDuplicates,
    int RepeatAlertsInEpisode);
