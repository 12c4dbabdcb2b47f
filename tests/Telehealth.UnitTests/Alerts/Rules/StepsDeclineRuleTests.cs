using Telehealth.Alerts.Rules.Activity;

namespace Telehealth.UnitTests.Alerts.Rules;

public sealed class StepsDeclineRuleTests
{
    private static readonly StepsDeclineRule Rule = new();

    private static SeriesBuilder Normal(int days)
    {
        var series = new SeriesBuilder();
        for (var day = 0; day < days; day++)
        {
            series.StepsDay(day, day % 2 == 0 ? 5500 : 6500);
        }

        return series;
    }

    [Fact]
    public void Evaluate_ThreeDaysAtHalfTheBaseline_Fires()
    {
        var series = Normal(24).StepsDay(24, 3000).StepsDay(25, 2800).StepsDay(26, 3100);

        var firing = Assert.Single(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(27)));

        Assert.Equal(6000, firing.Observed[1].Value, 0);
        Assert.Equal(0.7 * 6000, firing.Threshold, 0);
    }

    [Fact]
    public void Evaluate_WeekAwayWithoutTheWearable_DoesNotFire()
    {
        // Days 24–30 have no step data at all: missing, not zero.
        var series = Normal(24);

        Assert.Empty(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(31)));
    }

    [Fact]
    public void Evaluate_DaysWornOnlyThreeHours_AreNotCounted()
    {
        var series = Normal(24).StepsDay(24, 900, wearHours: 3).StepsDay(25, 800, wearHours: 3).StepsDay(26, 1000, wearHours: 3);

        Assert.Empty(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(27)));
    }

    [Fact]
    public void Evaluate_BaselineStillForming_DoesNotFire()
    {
        var series = Normal(8).StepsDay(8, 1000).StepsDay(9, 1000).StepsDay(10, 1000);

        Assert.Empty(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(11)));
    }

    [Fact]
    public void Evaluate_TodayIncomplete_IsNotUsed()
    {
        // Today (day 24) has only the morning; the last three complete days are normal.
        var series = Normal(24).StepsDay(24, 200, wearHours: 12);

        Assert.Empty(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(24)));
    }
}
