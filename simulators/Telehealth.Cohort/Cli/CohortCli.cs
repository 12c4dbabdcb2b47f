using System.Globalization;
using Telehealth.Cohort.Evaluation;

namespace Telehealth.Cohort.Cli;

/// <summary>The command line: <c>evaluate --patients N --seed S [--days D] [--lookahead L]</c>.</summary>
public static class CohortCli
{
    private const string Usage = "usage: telehealth-cohort evaluate --patients N --seed S [--days D] [--lookahead L] [--threads T]\n"
        + "       telehealth-cohort generate --patients N --seed S [--days D]\n"
        + "       telehealth-cohort trace --patient I --seed S [--days D]";

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count > 0 && args[0] == "trace")
        {
            return Trace(args.Skip(1).ToList(), output, error);
        }

        if (args.Count == 0 || (args[0] != "evaluate" && args[0] != "generate"))
        {
            error.WriteLine(Usage);
            return 2;
        }

        if (!TryParse(args.Skip(1).ToList(), out var options, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(Usage);
            return 2;
        }

        if (args[0] == "generate")
        {
            GenerateCommand.Write(options.Patients, options.Seed, options.Days, options.Parallelism, output);
            return 0;
        }

        var report = CohortEvaluator.Evaluate(options, (done, total) => error.WriteLine($"evaluated {done}/{total} citizens"));
        ReportPrinter.Print(report, output);
        return 0;
    }

    private static int Trace(List<string> args, TextWriter output, TextWriter error)
    {
        var patient = args.IndexOf("--patient");
        var rest = args.ToList();
        int index = 0;
        if (patient >= 0 && patient + 1 < args.Count && int.TryParse(args[patient + 1], NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            rest.RemoveRange(patient, 2);
        }
        else
        {
            error.WriteLine(Usage);
            return 2;
        }

        if (!TryParse(rest, out var options, out var problem))
        {
            error.WriteLine(problem);
            return 2;
        }

        TraceCommand.Write(options.Seed, index, options.Days, output);
        return 0;
    }

    /// <summary>Parses the options of <c>evaluate</c>.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out EvaluationOptions options, out string problem)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = new EvaluationOptions();
        options = parsed;
        problem = string.Empty;
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                problem = $"missing value after {args[i]}";
                return false;
            }

            var value = args[i + 1];
            int? number = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            EvaluationOptions? next = args[i] switch
            {
                "--patients" when number is >= 1 and <= 1_000_000 => parsed with { Patients = n },
                "--days" when number is >= 30 and <= 3650 => parsed with { Days = n },
                "--lookahead" when number is >= 0 and <= 60 => parsed with { LookaheadDays = n },
                "--threads" when number is >= 1 and <= 256 => parsed with { Parallelism = n },
                "--seed" when ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) => parsed with { Seed = seed },
                _ => null,
            };
            if (next is null)
            {
                problem = $"bad option or value: {args[i]} {value}";
                return false;
            }

            parsed = next;
        }

        options = parsed;
        return true;
    }
}
