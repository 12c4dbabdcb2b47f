using Telehealth.Alerts.Profiles;
using Telehealth.Alerts.Rules;
using Telehealth.Ingest.Alerting;
using Telehealth.Metadata.People;

namespace Telehealth.UnitTests.Alerting;

/// <summary>From a <c>patients</c> row to the rules' profile; every bad row says what is wrong.</summary>
public sealed class PatientProfileFactoryTests
{
    private static readonly DateTimeOffset Created = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static Patient Row(string? condition, string? settings = null, int offset = 60) => new("p-1", condition, offset, settings, Created);

    [Fact]
    public void Condition_SelectsItsDefaultRules_AndTheOffsetAndStartAreKept()
    {
        Assert.True(PatientProfileFactory.TryCreate(Row("copd"), out var profile, out _));

        Assert.Equal([Condition.Copd], profile.Conditions);
        Assert.Equal(RuleCatalog.DefaultRuleIds([Condition.Copd]), profile.EnabledRules);
        Assert.Equal(TimeSpan.FromHours(1), profile.UtcOffset);
        Assert.Equal(Created, profile.MonitoringStart);
    }

    [Fact]
    public void NoCondition_GetsTheRulesEveryPatientGets()
    {
        Assert.True(PatientProfileFactory.TryCreate(Row(null), out var profile, out _));

        Assert.Contains(RuleIds.BloodPressure, profile.EnabledRules);
        Assert.Empty(profile.Conditions);
    }

    [Fact]
    public void Settings_ChangeRulesThresholdsAndDevices()
    {
        var json = """{"enabledRules":["bp.systolic","technical.device-silence"],"thresholds":{"systolicHigh":170},"devices":[{"deviceId":"cuff-1","expectedIntervalHours":24}]}""";

        Assert.True(PatientProfileFactory.TryCreate(Row("heart_failure", json), out var profile, out _));

        Assert.Equal(["bp.systolic", "technical.device-silence"], profile.EnabledRules);
        Assert.Equal(170, profile.Settings.SystolicHigh);
        Assert.Equal(90, profile.Settings.SystolicLow);
        Assert.Equal(new ExpectedDevice("cuff-1", TimeSpan.FromHours(24)), Assert.Single(profile.Devices));
    }

    [Theory]
    [InlineData("asthma", null, "unknown condition 'asthma'")]
    [InlineData("copd", "{not json", "settings_json is not valid")]
    [InlineData("copd", """{"thresholds":{"sytolicHigh":170}}""", "settings_json is not valid")]
    [InlineData("copd", """{"enabledRules":["bp.diastolic"]}""", "unknown rule 'bp.diastolic'")]
    [InlineData("copd", """{"devices":[{"deviceId":"x","expectedIntervalHours":0}]}""", "expectedIntervalHours > 0")]
    public void BadRows_AreRefused_WithTheReason(string condition, string? settings, string expected)
    {
        Assert.False(PatientProfileFactory.TryCreate(Row(condition, settings), out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
