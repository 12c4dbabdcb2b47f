using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Profiles;
using Telehealth.Alerts.Rules.HeartRate;

namespace Telehealth.UnitTests.Alerts.Rules;

public sealed class RestingHeartRateRuleTests
{
    private static readonly RestingHeartRateRule Rule = new();

    private static IEnumerable<double> Baseline(int days) => Enumerable.Range(0, days).Select(d => 64.0 + (d % 3) - 1);

    [Fact]
    public void Evaluate_TwelveAboveTheBaseline_Fires()
    {
        var series = new SeriesBuilder().Daily(MetricNames.RestingHeartRate, 0, Baseline(20).Append(76));

        var firing = Assert.Single(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(20)));

        Assert.InRange(firing.Threshold, 74.0, 74.1);
        Assert.Equal(76, firing.Observed[0].Value);
    }

    [Fact]
    public void Evaluate_EightAboveTheBaseline_DoesNotFire()
    {
        var series = new SeriesBuilder().Daily(MetricNames.RestingHeartRate, 0, Baseline(20).Append(72));

        Assert.Empty(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(20)));
    }

    [Fact]
    public void Evaluate_BaselineStillForming_DoesNotFire()
    {
        // Nine days in the baseline window (fewer than RestingHrBaselineMinDays = 10).
        var series = new SeriesBuilder().Daily(MetricNames.RestingHeartRate, 0, Baseline(11).Append(90));

        Assert.Empty(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(), series.Observations, SeriesBuilder.At(11)));
    }

    [Fact]
    public void Evaluate_SingleOutlierWithTwoDayPersistence_DoesNotFire()
    {
        var settings = PatientRuleSettings.Default with { RestingHrPersistDays = 2 };
        var series = new SeriesBuilder().Daily(MetricNames.RestingHeartRate, 0, Baseline(20).Append(64).Append(80));

        Assert.Empty(SeriesBuilder.Run(Rule, SeriesBuilder.Profile(settings), series.Observations, SeriesBuilder.At(21)));
    }
}
