using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Profiles;
using Telehealth.Alerts.Rules;
using Telehealth.Alerts.Rules.Technical;

namespace Telehealth.UnitTests.Alerts.Rules;

public sealed class DeviceSilenceRuleTests
{
    private static PatientProfile WithScale() => SeriesBuilder.Profile() with
    {
        Devices = [new ExpectedDevice("scale", TimeSpan.FromHours(4)), new ExpectedDevice("wearable", TimeSpan.FromHours(4))],
    };

    [Fact]
    public void Evaluate_ScaleSilentFor15Hours_FiresTechnicalForThatDevice()
    {
        var series = new SeriesBuilder()
            .Add(3, 7, MetricNames.DeviceHeartbeat, 1, "scale")
            .Add(3, 21, MetricNames.DeviceHeartbeat, 1, "wearable");

        var firing = Assert.Single(SeriesBuilder.Run(new DeviceSilenceRule(), WithScale(), series.Observations, SeriesBuilder.At(3)));

        Assert.Equal(AlertCategory.Technical, firing.Category);
        Assert.Equal("scale", firing.Subject);
        Assert.Equal(15, firing.Observed[0].Value, 6);
        Assert.Equal(12, firing.Threshold);
    }

    [Fact]
    public void Evaluate_BothReportedRecently_DoesNotFire()
    {
        var series = new SeriesBuilder()
            .Add(3, 19, MetricNames.DeviceHeartbeat, 1, "scale")
            .Add(3, 21, MetricNames.BodyWeight, 80, "wearable");

        Assert.Empty(SeriesBuilder.Run(new DeviceSilenceRule(), WithScale(), series.Observations, SeriesBuilder.At(3)));
    }

    [Fact]
    public void Evaluate_MonitoringStartedSixHoursAgo_DoesNotFire()
    {
        var profile = WithScale() with { MonitoringStart = SeriesBuilder.At(3, 16) };

        Assert.Empty(SeriesBuilder.Run(new DeviceSilenceRule(), profile, [], SeriesBuilder.At(3)));
    }

    [Fact]
    public void Evaluate_NothingInTheLookback_ReportsSilenceSinceTheHistoryStart()
    {
        var firings = SeriesBuilder.Run(new DeviceSilenceRule(), WithScale(), [], SeriesBuilder.At(20));

        Assert.Equal(2, firings.Count);
        Assert.All(firings, f => Assert.True(f.Observed[0].Value > 7 * 24));
    }
}
