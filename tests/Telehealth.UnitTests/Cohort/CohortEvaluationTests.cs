using System.Text.RegularExpressions;
using Telehealth.Cohort.Cli;
using Telehealth.Cohort.Evaluation;

namespace Telehealth.UnitTests.Cohort;

public sealed partial class CohortEvaluationTests
{
    [GeneratedRegex(@"^sensitivity=(\d\.\d{3}) false_alerts_per_patient_month=(\d+\.\d{3}) median_lead_days=(-?\d+\.\d|n/a)$")]
    private static partial Regex SummaryLine();

    [Fact]
    public void Evaluate_SmallCohort_ComputesMetricsFromTheRun()
    {
        var options = new EvaluationOptions { Patients = 20, Days = 120, Seed = 3, Parallelism = 2 };

        var report = CohortEvaluator.Evaluate(options);

        Assert.Equal(20 * 120 / 365.0, report.PatientYears, 9);
        var overall = report.Overall;
        Assert.Equal(report.EpisodesByKind.Values.Sum(), overall.Episodes);
        Assert.True(overall.Episodes > 0);
        Assert.Equal(overall.Detected / (double)overall.Episodes, overall.Sensitivity);
        Assert.Equal(overall.Detected, overall.LeadDays.Count);
        Assert.True(overall.TrueAlerts + overall.FalseAlerts > 0);
        Assert.Equal(20 * 120 / (365.25 / 12), overall.PatientMonths, 9);
        Assert.All(report.Rules, r => Assert.InRange(r.Detected, 0, r.Episodes));
        Assert.Equal(2, report.HeartFailureWeight.Count);
    }

    [Fact]
    public void Evaluate_SameSeedTwice_SameReport()
    {
        var options = new EvaluationOptions { Patients = 10, Days = 90, Seed = 9, Parallelism = 2 };

        var first = CohortEvaluator.Evaluate(options);
        var second = CohortEvaluator.Evaluate(options with { Parallelism = 1 });

        Assert.Equal(first.Overall.FalseAlerts, second.Overall.FalseAlerts);
        Assert.Equal(first.Overall.Detected, second.Overall.Detected);
        Assert.Equal(first.Overall.LeadDays, second.Overall.LeadDays);
    }

    [Fact]
    public void Run_Evaluate_LastLineIsTheSummary()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = CohortCli.Run(["evaluate", "--patients", "10", "--seed", "4", "--days", "150"], output, error);

        Assert.Equal(0, code);
        var lines = output.ToString().TrimEnd().Split('\n');
        Assert.Matches(SummaryLine(), lines[^1]);
        Assert.Contains("evaluated 10/10 citizens", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Generate_SummarisesEveryCondition()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = CohortCli.Run(["generate", "--patients", "5", "--seed", "1", "--days", "73"], output, error);

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("generated 1.0 patient-years", text, StringComparison.Ordinal);
        Assert.Contains("HeartFailure\t1\t", text, StringComparison.Ordinal);
        Assert.Contains("AtRisk\t1\t", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownCommand_PrintsUsageAndFails()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, CohortCli.Run(["simulate"], output, error));
        Assert.Contains("usage:", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--patients", "0")]
    [InlineData("--days", "abc")]
    [InlineData("--colour", "blue")]
    public void TryParse_BadOption_Refuses(string name, string value)
    {
        Assert.False(CohortCli.TryParse([name, value], out _, out var problem));
        Assert.Contains(name, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_AllOptions_Parsed()
    {
        Assert.True(CohortCli.TryParse(["--patients", "12", "--seed", "77", "--days", "200", "--lookahead", "10"], out var options, out _));

        Assert.Equal(new EvaluationOptions { Patients = 12, Seed = 77, Days = 200, LookaheadDays = 10 } with { Parallelism = options.Parallelism }, options);
    }
}
