using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Rules.BloodPressure;

namespace Telehealth.UnitTests.Alerts.Rules;

public sealed class SystolicRangeRuleTests
{
    private static readonly SystolicRangeRule Rule = new();

    [Theory]
    [InlineData(185, 187, 180)]
    [InlineData(86, 88, 90)]
    public void Evaluate_MeanOutOfRange_FiresAgainstTheCrossedLimit(double first, double second, double limit)
    {
        var series = new SeriesBuilder().Add(0, 8, MetricNames.Systolic, first).Add(0, 8.05, MetricNames.Systolic, second);

        var firing = Assert.Single(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(0)));

        Assert.Equal(limit, firing.Threshold);
        Assert.Equal((first + second) / 2, firing.Observed[0].Value);
    }

    [Fact]
    public void Evaluate_OneHighReadingAveragedWithANormalOne_DoesNotFire()
    {
        var series = new SeriesBuilder().Add(0, 8, MetricNames.Systolic, 186).Add(0, 8.05, MetricNames.Systolic, 150);

        Assert.Empty(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(0)));
    }

    [Fact]
    public void Evaluate_NoReadingToday_DoesNotFire()
    {
        var series = new SeriesBuilder().Add(0, 8, MetricNames.Systolic, 200);

        Assert.Empty(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(1)));
    }
}
