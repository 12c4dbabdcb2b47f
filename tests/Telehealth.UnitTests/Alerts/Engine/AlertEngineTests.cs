using Telehealth.Alerts.Engine;
using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Profiles;
using Telehealth.Alerts.Rules;

namespace Telehealth.UnitTests.Alerts.Engine;

public sealed class AlertEngineTests
{
    [Fact]
    public void Evaluate_ReadingsAfterNow_AreIgnored()
    {
        var series = new SeriesBuilder().Add(0, 8, MetricNames.Systolic, 200).Add(0, 8.1, MetricNames.Systolic, 200);
        var profile = SeriesBuilder.Profile();

        Assert.Empty(AlertEngine.Evaluate(profile, series.Observations, SeriesBuilder.At(0, 7)));
        Assert.Contains(AlertEngine.Evaluate(profile, series.Observations, SeriesBuilder.At(0, 9)), f => f.RuleId == RuleIds.BloodPressure);
    }

    [Fact]
    public void Evaluate_RuleNotEnabled_DoesNotFire()
    {
        var series = new SeriesBuilder().Daily(MetricNames.BodyWeight, 0, [80, 80, 80, 83]);
        var profile = SeriesBuilder.Profile();

        Assert.DoesNotContain(AlertEngine.Evaluate(profile, series.Observations, SeriesBuilder.At(3)), f => f.RuleId == RuleIds.WeightGain);
        Assert.Contains(AlertEngine.Evaluate(profile with { EnabledRules = [RuleIds.WeightGain] }, series.Observations, SeriesBuilder.At(3)),
            f => f.RuleId == RuleIds.WeightGain && f.PatientId == "p-1");
    }

    [Fact]
    public void DefaultRuleIds_PerCondition_MatchTheDocumentedDefaults()
    {
        var heartFailure = RuleCatalog.DefaultRuleIds([Condition.HeartFailure]);
        var copd = RuleCatalog.DefaultRuleIds([Condition.Copd]);

        Assert.Contains(RuleIds.WeightMacd, heartFailure);
        Assert.DoesNotContain(RuleIds.WeightGain, heartFailure);
        Assert.Contains(RuleIds.WeightGain, RuleCatalog.OfferedRuleIds([Condition.HeartFailure]));
        Assert.Contains(RuleIds.Spo2Baseline, copd);
        Assert.DoesNotContain(RuleIds.WeightMacd, copd);
        Assert.All(RuleCatalog.DefaultRuleIds([Condition.AtRisk]), id => Assert.DoesNotContain("rehab", id, StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_UnknownRuleId_Throws()
    {
        Assert.Throws<ArgumentException>(() => RuleCatalog.Resolve(["no.such-rule"]));
    }

    [Fact]
    public void DayOf_LateEveningUtc_IsTheNextLocalDay()
    {
        var lateUtc = new DateTimeOffset(2025, 3, 3, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(DateOnly.FromDateTime(new DateTime(2025, 3, 4)).DayNumber, LocalDays.DayOf(lateUtc, TimeSpan.FromHours(1)));
        Assert.Equal(0, LocalDays.HourOf(lateUtc, TimeSpan.FromHours(1)));
    }
}
