namespace Telehealth.Cohort.Evaluation;

/// <summary>What to evaluate and how episodes are matched.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Citizens in the cohort.</summary>
    public int Patients { get; init; } = 200;

    /// <summary>Seed of the cohort.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Days per citizen.</summary>
    public int Days { get; init; } = 365;

    /// <summary>An alert opened up to this many days before an onset detects it (and is a true alert).</summary>
    public int LookaheadDays { get; init; } = 14;

    /// <summary>An alert opened up to this many days after an onset still detects it.</summary>
    public int AfterOnsetDays { get; init; } = 2;

    /// <summary>Local hour of the daily evaluation (after the evening readings).</summary>
    public int EvaluationHour { get; init; } = 22;

    /// <summary>Worker threads (each citizen is independent; results do not depend on it).</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);
}
