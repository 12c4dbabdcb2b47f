using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Profiles;
using Telehealth.Alerts.Rules;
using Telehealth.Alerts.Rules.Rehab;

namespace Telehealth.UnitTests.Alerts.Rules;

public sealed class RehabRulesTests
{
    private static readonly PatientRuleSettings ThreePerWeek = PatientRuleSettings.Default with { RehabSessionsPerWeek = 3 };

    private static SeriesBuilder Sessions(int fromDay, int toDay, Func<int, double> rom)
    {
        var series = new SeriesBuilder();
        for (var day = fromDay; day <= toDay; day += 2)
        {
            series.Add(day, 11, MetricNames.RangeOfMotion, rom(day)).Add(day, 11.1, MetricNames.SessionDuration, 1200);
        }

        return series;
    }

    [Fact]
    public void Adherence_NoSessionForAWeek_Fires()
    {
        var series = Sessions(0, 13, _ => 100);

        var firing = Assert.Single(SeriesBuilder.Run(new RehabAdherenceRule(), SeriesBuilder.Profile(ThreePerWeek), series.Observations, SeriesBuilder.At(21)));

        Assert.Equal(0, firing.Observed[0].Value);
        Assert.Equal(1.5, firing.Threshold);
    }

    [Fact]
    public void Adherence_SessionsEveryOtherDay_DoesNotFire()
    {
        var series = Sessions(0, 21, _ => 100);

        Assert.Empty(SeriesBuilder.Run(new RehabAdherenceRule(), SeriesBuilder.Profile(ThreePerWeek), series.Observations, SeriesBuilder.At(21)));
    }

    [Fact]
    public void Adherence_WithoutAPlanOrInTheFirstWeek_DoesNotFire()
    {
        var empty = new SeriesBuilder().Observations;

        Assert.Empty(SeriesBuilder.Run(new RehabAdherenceRule(), SeriesBuilder.Profile(), empty, SeriesBuilder.At(21)));
        Assert.Empty(SeriesBuilder.Run(new RehabAdherenceRule(), SeriesBuilder.Profile(ThreePerWeek), empty, SeriesBuilder.At(5)));
    }

    [Fact]
    public void RangeOfMotion_FifteenPercentBelowTheBestWeek_Fires()
    {
        var series = Sessions(0, 27, day => day < 21 ? 110 : 92);

        var firing = Assert.Single(SeriesBuilder.Run(RegressionRule.RangeOfMotion, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(27)));

        Assert.Equal(RuleIds.RangeOfMotion, firing.RuleId);
        Assert.Equal(99, firing.Threshold, 6);
        Assert.Equal("deg", firing.Unit);
    }

    [Fact]
    public void RangeOfMotion_StillImproving_DoesNotFire()
    {
        var series = Sessions(0, 34, day => 70 + day);

        Assert.Empty(SeriesBuilder.Run(RegressionRule.RangeOfMotion, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(34)));
    }

    [Fact]
    public void RangeOfMotion_OnlyOneEarlierWeek_DoesNotFire()
    {
        var series = Sessions(7, 17, day => day < 14 ? 110 : 80);

        Assert.Empty(SeriesBuilder.Run(RegressionRule.RangeOfMotion, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(17)));
    }

    [Fact]
    public void Repetitions_FromTwentyFiveToFifteen_FiresButGripWithinMargin_DoesNot()
    {
        var series = new SeriesBuilder();
        for (var day = 0; day <= 27; day += 2)
        {
            series.Add(day, 11, MetricNames.Repetitions, day < 21 ? 25 : 15).Add(day, 11.2, MetricNames.GripForce, day < 21 ? 300 : 260);
        }

        var firings = Telehealth.Alerts.Engine.AlertEngine.Evaluate(SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(27),
            [RegressionRule.Repetitions, RegressionRule.Grip]);

        var firing = Assert.Single(firings);
        Assert.Equal(RuleIds.Repetitions, firing.RuleId);
        Assert.Equal(20, firing.Threshold, 6);
    }
}
