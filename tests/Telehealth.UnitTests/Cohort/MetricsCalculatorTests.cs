using Telehealth.Alerts.Profiles;
using Telehealth.Alerts.Rules;
using Telehealth.Cohort.Citizens;
using Telehealth.Cohort.Evaluation;

namespace Telehealth.UnitTests.Cohort;

public sealed class MetricsCalculatorTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 0, 0, 0, TimeSpan.FromHours(1));

    private static OpenedAlert Alert(string rule, int day) => new(rule, string.Empty, AlertCategory.Clinical, day, Start.AddDays(day));

    private static LabelledEpisode Episode(int onset) => new(EpisodeKind.HeartFailureDecompensation, onset, 7, 2, 5, 0, new EpisodeEffect(WeightKg: 2));

    private static PatientOutcome Outcome(IReadOnlyList<LabelledEpisode> episodes, params OpenedAlert[] alerts) =>
        new(0, Condition.HeartFailure, 365, [RuleIds.WeightMacd], [RuleIds.WeightMacd, RuleIds.WeightGain], episodes, [], alerts, 0);

    [Fact]
    public void Detection_AlertsInsideAndOutsideTheWindow_CountedAsTrueAndFalse()
    {
        // Onsets 100 and 200; window [onset − 14, onset + 2].
        var outcome = Outcome([Episode(100), Episode(200)],
            Alert(RuleIds.WeightMacd, 85),
            Alert(RuleIds.WeightMacd, 86),
            Alert(RuleIds.WeightMacd, 95),
            Alert(RuleIds.WeightMacd, 102),
            Alert(RuleIds.WeightMacd, 203),
            Alert(RuleIds.WeightGain, 150));

        var metrics = MetricsCalculator.Detection("macd", [outcome], null, [EpisodeKind.HeartFailureDecompensation], new EvaluationOptions());

        Assert.Equal(2, metrics.Episodes);
        Assert.Equal(1, metrics.Detected);
        Assert.Equal(0.5, metrics.Sensitivity);
        Assert.Equal([14], metrics.LeadDays);
        Assert.Equal(3, metrics.TrueAlerts);
        Assert.Equal(2, metrics.FalseAlerts);
        Assert.Equal(2 / (365 / (365.25 / 12)), metrics.FalseAlertsPerPatientMonth, 9);
    }

    [Fact]
    public void Detection_ShadowRuleAskedFor_UsesOnlyItsAlerts()
    {
        var outcome = Outcome([Episode(100)], Alert(RuleIds.WeightGain, 99), Alert(RuleIds.WeightMacd, 150));

        var metrics = MetricsCalculator.Detection("rot", [outcome], new HashSet<string> { RuleIds.WeightGain }, [EpisodeKind.HeartFailureDecompensation], new EvaluationOptions());

        Assert.Equal(1, metrics.Detected);
        Assert.Equal(0, metrics.FalseAlerts);
        Assert.Equal(1, metrics.MedianLeadDays);
    }

    [Fact]
    public void MedianLeadDays_EvenCount_AveragesTheMiddleTwo()
    {
        var metrics = new DetectionMetrics("x", 1, 12, 4, 4, 4, 0, [5, 1, 3, 2]);

        Assert.Equal(2.5, metrics.MedianLeadDays);
    }
}
