using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Rules;
using Telehealth.Alerts.Rules.Weight;

namespace Telehealth.UnitTests.Alerts.Rules;

public sealed class WeightGainRuleTests
{
    private static readonly WeightGainRule Rule = new();

    [Fact]
    public void Evaluate_GainAboveTwoKgWithinThreeDays_FiresWithExplanation()
    {
        var series = new SeriesBuilder().Daily(MetricNames.BodyWeight, 0, [80.0, 80.2, 80.1, 80.4, 81.3, 82.5]);

        var firing = Assert.Single(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(5)));

        Assert.Equal(RuleIds.WeightGain, firing.RuleId);
        Assert.Equal(AlertCategory.Clinical, firing.Category);
        Assert.Equal(2.0, firing.Threshold);
        Assert.Contains(firing.Observed, v => v.Value == 82.5);
        Assert.Contains(firing.Observed, v => v.Value == 80.1);
        Assert.Equal(SeriesBuilder.Start.AddDays(2), firing.WindowStart);
        Assert.Contains("2.4 kg", firing.Message, StringComparison.Ordinal);
        Assert.Equal(RuleSources.WeightRuleOfThumb, firing.Source);
    }

    [Fact]
    public void Evaluate_GainOfOneAndAHalfKg_DoesNotFire()
    {
        var series = new SeriesBuilder().Daily(MetricNames.BodyWeight, 0, [80.0, 80.0, 80.5, 81.5]);

        Assert.Empty(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(3)));
    }

    [Fact]
    public void Evaluate_TodayNotWeighed_DoesNotFire()
    {
        var series = new SeriesBuilder().Daily(MetricNames.BodyWeight, 0, [80.0, 80.0, 83.0, double.NaN]);

        Assert.Empty(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(3)));
    }

    [Fact]
    public void Evaluate_GainSpreadOverTwoWeeks_DoesNotFire()
    {
        var weights = Enumerable.Range(0, 15).Select(d => 80 + (0.2 * d));
        var series = new SeriesBuilder().Daily(MetricNames.BodyWeight, 0, weights);

        Assert.Empty(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(14)));
    }
}
