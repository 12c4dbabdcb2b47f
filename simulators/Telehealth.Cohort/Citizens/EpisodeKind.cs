namespace Telehealth.Cohort.Citizens;

/// <summary>Kinds of labelled clinical episodes the simulator plants.</summary>
public enum EpisodeKind
{
    /// <summary>Heart-failure decompensation: weight gain over days, resting HR rise, activity fall.</summary>
    HeartFailureDecompensation,

    /// <summary>COPD exacerbation: SpO2 decline, resting HR rise, activity fall.</summary>
    CopdExacerbation,

    /// <summary>Deconditioning: sustained fall in daily steps.</summary>
    Deconditioning,

    /// <summary>Rehab regression: range of motion and repetitions falling, sessions missed.</summary>
    RehabRegression,
}
