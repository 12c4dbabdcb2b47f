using Telehealth.Cohort.Citizens;

namespace Telehealth.Cohort.Evaluation;

/// <summary>Generates the cohort and runs every citizen through the rules; citizens are independent and run in parallel.</summary>
public static class CohortEvaluator
{
    /// <summary>Runs the evaluation; <paramref name="progress"/> gets (done, total) now and then.</summary>
    public static CohortReport Evaluate(EvaluationOptions options, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var outcomes = new PatientOutcome[options.Patients];
        var done = 0;
        var step = Math.Max(1, options.Patients / 20);
        Parallel.For(0, options.Patients, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, index =>
        {
            var citizen = CitizenSimulator.Generate(options.Seed, index, options.Days);
            outcomes[index] = PatientRunner.Run(citizen, options);
            var count = Interlocked.Increment(ref done);
            if (count % step == 0 || count == options.Patients)
            {
                progress?.Invoke(count, options.Patients);
            }
        });
        return MetricsCalculator.Compute(outcomes, options);
    }
}
