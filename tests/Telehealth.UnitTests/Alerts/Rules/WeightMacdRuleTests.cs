using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Profiles;
using Telehealth.Alerts.Rules;
using Telehealth.Alerts.Rules.Weight;

namespace Telehealth.UnitTests.Alerts.Rules;

public sealed class WeightMacdRuleTests
{
    private static readonly WeightMacdRule Rule = new();

    private static IEnumerable<double> Stable(int days) => Enumerable.Range(0, days).Select(d => 80 + (d % 2 == 0 ? 0.3 : -0.3));

    [Fact]
    public void Evaluate_SteadyGainOverTenDays_Fires()
    {
        var weights = Stable(30).Concat(Enumerable.Range(1, 10).Select(d => 80 + (0.3 * d)));
        var series = new SeriesBuilder().Daily(MetricNames.BodyWeight, 0, weights);

        var firing = Assert.Single(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(39)));

        Assert.Equal(RuleIds.WeightMacd, firing.RuleId);
        Assert.Contains(firing.Observed, v => v.Label == "MACD" && v.Value > PatientRuleSettings.Default.MacdThresholdKg);
    }

    [Fact]
    public void Evaluate_SingleHeavyMealNextDay_DoesNotFire()
    {
        var weights = Stable(30).Append(81.3);
        var series = new SeriesBuilder().Daily(MetricNames.BodyWeight, 0, weights);

        Assert.Empty(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(30)));
    }

    [Fact]
    public void Evaluate_BaselineStillForming_DoesNotFire()
    {
        // Nine weighed days (fewer than MacdMinDays = 10) with a clear rise.
        var series = new SeriesBuilder().Daily(MetricNames.BodyWeight, 0, [80, 80, 80, 80, 80, 81, 82, 83, 84]);

        Assert.Empty(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(8)));
    }

    [Fact]
    public void Emas_GapOfTwoDays_WeighsTheValueAsTwoSteps()
    {
        DayValue[] withGap = [new(1, 80), new(3, 84)];
        DayValue[] stepped = [new(1, 80), new(2, 80), new(3, 84)];

        var (gapShort, gapLong) = WeightMacdRule.Emas(withGap, 3, 21);
        var (_, steppedLong) = WeightMacdRule.Emas(stepped, 3, 21);

        Assert.Equal(80 + (4 * (1 - Math.Pow(0.5, 2))), gapShort, 6);
        Assert.True(gapLong > 80 && gapLong > steppedLong);
    }
}
