using System.Diagnostics;
using System.Globalization;
using Telehealth.Cohort.Citizens;

namespace Telehealth.Cohort.Cli;

/// <summary><c>generate --patients N --seed S [--days D]</c>: generates the cohort and prints what it holds, per condition.</summary>
public static class GenerateCommand
{
    /// <summary>Generates and summarises; citizens are generated in parallel and dropped after counting.</summary>
    public static void Write(int patients, ulong seed, int days, int parallelism, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        var summaries = new (string Condition, int Readings, int Episodes, int NonEvents, int Dropouts)[patients];
        Parallel.For(0, patients, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, index =>
        {
            var citizen = CitizenSimulator.Generate(seed, index, days);
            summaries[index] = (citizen.Traits.Condition.ToString(), citizen.Observations.Count, citizen.Episodes.Count, citizen.NonEvents.Count, citizen.Dropouts.Count);
        });
        clock.Stop();
        output.WriteLine("condition\tcitizens\treadings\tepisodes\tnon_events\tdropouts");
        foreach (var group in summaries.GroupBy(s => s.Condition).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group.Key}\t{group.Count()}\t{group.Sum(s => (long)s.Readings)}\t{group.Sum(s => s.Episodes)}\t{group.Sum(s => s.NonEvents)}\t{group.Sum(s => s.Dropouts)}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated {patients * days / 365.0:0.0} patient-years ({summaries.Sum(s => (long)s.Readings)} readings) in {clock.Elapsed.TotalSeconds:0.0} s"));
    }
}
