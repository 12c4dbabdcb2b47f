using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Rules;
using Telehealth.Alerts.Rules.Spo2;

namespace Telehealth.UnitTests.Alerts.Rules;

public sealed class Spo2RulesTests
{
    private static SeriesBuilder TwicePerDay(IReadOnlyList<double> values, int firstDay = 0)
    {
        var series = new SeriesBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            series.Add(firstDay + i, 8.5, MetricNames.Spo2, values[i]).Add(firstDay + i, 19.5, MetricNames.Spo2, values[i] - 1);
        }

        return series;
    }

    [Fact]
    public void Floor_AllReadingsBelowNinety_Fires()
    {
        var series = TwicePerDay([89]);

        var firing = Assert.Single(SeriesBuilder.Run(new Spo2FloorRule(), SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(0)));

        Assert.Equal(90, firing.Threshold);
        Assert.Equal(89, firing.Observed[0].Value);
    }

    [Fact]
    public void Floor_SingleBadReadingAmongGoodOnes_DoesNotFire()
    {
        var series = new SeriesBuilder().Add(0, 8.5, MetricNames.Spo2, 84).Add(0, 19.5, MetricNames.Spo2, 95);

        Assert.Empty(SeriesBuilder.Run(new Spo2FloorRule(), SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(0)));
    }

    [Fact]
    public void Floor_OnlyOneReadingToday_DoesNotFire()
    {
        var series = new SeriesBuilder().Add(0, 8.5, MetricNames.Spo2, 84);

        Assert.Empty(SeriesBuilder.Run(new Spo2FloorRule(), SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(0)));
    }

    [Fact]
    public void DayDrop_FivePointsFromYesterday_Fires()
    {
        var series = TwicePerDay([96, 91]);

        var firing = Assert.Single(SeriesBuilder.Run(new Spo2DropRule(), SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(1)));

        Assert.Equal(RuleIds.Spo2Drop, firing.RuleId);
        Assert.Equal([96.0, 91.0], firing.Observed.Select(v => v.Value));
    }

    [Fact]
    public void DayDrop_YesterdayMissing_DoesNotFire()
    {
        var series = TwicePerDay([96]).Add(2, 8.5, MetricNames.Spo2, 90).Add(2, 19.5, MetricNames.Spo2, 90);

        Assert.Empty(SeriesBuilder.Run(new Spo2DropRule(), SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(2)));
    }

    [Fact]
    public void Baseline_ValueWellBelowSevenDayBaseline_FiresWithBaselineInExplanation()
    {
        var series = TwicePerDay([95, 96, 95, 94, 95, 96, 95, 91]);

        var firing = Assert.Single(SeriesBuilder.Run(new Spo2BaselineRule(), SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(7)));

        Assert.Contains(firing.Observed, v => v.Label == "7-day mean" && Math.Abs(v.Value - 95.143) < 0.01);
        Assert.True(firing.Threshold < 93.2);
        Assert.Contains("1.645", firing.Reference, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_StillForming_DoesNotFire()
    {
        // Four baseline days (fewer than Spo2BaselineMinDays = 5), then a clear drop.
        var series = TwicePerDay([95, 96, 95, 95, 88]);

        Assert.Empty(SeriesBuilder.Run(new Spo2BaselineRule(), SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(4)));
    }

    [Fact]
    public void Baseline_FlatBaselineAndOnePointDip_DoesNotFire()
    {
        // SD is 0: without the SD floor and the minimum drop any dip would fire.
        var series = TwicePerDay([95, 95, 95, 95, 95, 95, 95, 94]);

        Assert.Empty(SeriesBuilder.Run(new Spo2BaselineRule(), SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(7)));
    }

    [Fact]
    public void Floor_PatientFloorOfEightySeven_UsesThePatientsThreshold()
    {
        var settings = Telehealth.Alerts.Profiles.PatientRuleSettings.Default with { Spo2Floor = 87 };
        var series = TwicePerDay([89]);

        Assert.Empty(SeriesBuilder.Run(new Spo2FloorRule(), SeriesBuilder.Profile(settings), series.Observations, SeriesBuilder.At(0)));
    }
}
