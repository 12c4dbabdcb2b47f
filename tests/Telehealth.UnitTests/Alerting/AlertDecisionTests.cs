using Telehealth.Alerts.Rules;
using Telehealth.Alerts.Tracking;
using Telehealth.Ingest.Alerting;
using Telehealth.Metadata.Alerts;

namespace Telehealth.UnitTests.Alerting;

/// <summary>The tracker over stored alerts: open, fold, resolve when quiet — and the stored form of a firing.</summary>
public sealed class AlertDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static AlertFiring Firing(string ruleId, DateTimeOffset at, string subject = "", AlertCategory category = AlertCategory.Clinical) => new(
        ruleId, "p-1", subject, category, at, at.AddDays(-1), at, [new ObservedValue("mean systolic", 190), new ObservedValue("odd", double.NaN)],
        180, "systolic > 180 mm[Hg]", "mm[Hg]", "Systolic 190 today is above 180.", "practice");

    private static StoredAlert Stored(string id, AlertFiring firing, int count = 1, string status = AlertStatuses.Open) => new(
        id, "p-1", firing.RuleId, firing.Subject, AlertJson.CategoryName(firing.Category), status, firing.EvaluatedAt, firing.EvaluatedAt, count,
        AlertJson.Serialize(firing), AlertJson.Serialize(firing), null, null, null, null, null);

    private static PatientAlerts Alerts(params StoredAlert[] active) => new(active, []);

    [Fact]
    public void AFiringWithNoActiveAlert_OpensOne_WithTheFiringAsExplanation()
    {
        var firing = Firing(RuleIds.BloodPressure, Now);

        var changes = AlertDecision.Decide("p-1", Alerts(), [firing], Now, AlertTrackerOptions.Default);

        var opened = Assert.Single(changes.Opened);
        Assert.Equal(RuleIds.BloodPressure, opened.RuleId);
        Assert.Equal("clinical", opened.Category);
        Assert.Equal(firing.Message, AlertJson.Deserialize(opened.FiringJson).Message);
        Assert.Empty(changes.Folded);
        Assert.Empty(changes.Resolved);
    }

    [Fact]
    public void AFiringForAnActiveAlert_IsFoldedIn_NeverASecondAlert()
    {
        var active = Stored("al-1", Firing(RuleIds.BloodPressure, Now.AddHours(-2)), count: 3, status: AlertStatuses.Acknowledged);

        var changes = AlertDecision.Decide("p-1", Alerts(active), [Firing(RuleIds.BloodPressure, Now)], Now, AlertTrackerOptions.Default);

        Assert.Empty(changes.Opened);
        var fold = Assert.Single(changes.Folded);
        Assert.Equal("al-1", fold.AlertId);
        Assert.Equal(1, fold.Firings);
        Assert.Equal(Now, fold.LastFiredAt);
    }

    [Fact]
    public void AnAlertWhoseRuleStayedQuiet_IsResolved_AgainstItsStoredLastFiring()
    {
        var old = Firing(RuleIds.BloodPressure, Now.AddDays(-8));
        var active = Stored("al-1", old);

        var changes = AlertDecision.Decide("p-1", Alerts(active), [], Now, AlertTrackerOptions.Default);

        var resolved = Assert.Single(changes.Resolved);
        Assert.Equal("al-1", resolved.AlertId);
        Assert.Equal(active.LastFiredAt, resolved.ExpectedLastFiredAt);
        Assert.Equal("rule quiet", resolved.Reason);
    }

    [Fact]
    public void AnAlertResolvedByHand_HoldsBackTheSameEvidence_ButNotANewReading()
    {
        var seen = Firing(RuleIds.BloodPressure, Now.AddHours(-1));
        var resolved = Stored("al-1", seen, status: AlertStatuses.Resolved) with { ResolvedAt = Now.AddMinutes(-30), ResolvedBy = "therapist:ther-a" };
        var again = seen with { EvaluatedAt = Now, WindowEnd = Now }; // re-evaluated: same window start, same values
        var newReading = again with { Observed = [new ObservedValue("mean of 2 systolic readings", 186)] };

        Assert.Empty(AlertDecision.Decide("p-1", new PatientAlerts([], [resolved]), [again], Now, AlertTrackerOptions.Default).Opened);
        Assert.Single(AlertDecision.Decide("p-1", new PatientAlerts([], [resolved]), [newReading], Now, AlertTrackerOptions.Default).Opened);
    }

    [Fact]
    public void TechnicalFirings_OpenOneAlertPerDevice()
    {
        var changes = AlertDecision.Decide("p-1", Alerts(),
            [Firing(RuleIds.DeviceSilence, Now, "scale-1", AlertCategory.Technical), Firing(RuleIds.DeviceSilence, Now, "cuff-1", AlertCategory.Technical)],
            Now, AlertTrackerOptions.Default);

        Assert.Equal(["cuff-1", "scale-1"], changes.Opened.Select(o => o.Subject).Order(StringComparer.Ordinal));
        Assert.All(changes.Opened, o => Assert.Equal("technical", o.Category));
    }

    [Fact]
    public void StoredFiring_RoundTrips_IncludingNaN()
    {
        var firing = Firing(RuleIds.BloodPressure, Now);

        var back = AlertJson.Deserialize(AlertJson.Serialize(firing));

        Assert.Equal(firing.Message, back.Message);
        Assert.Equal(firing.Observed, back.Observed);
        Assert.Equal(firing.Category, back.Category);
        Assert.Equal(firing.WindowStart, back.WindowStart);
    }

    [Fact]
    public void Explanation_ShowsNonFiniteValuesAsNull()
    {
        var explanation = AlertExplanation.From(Firing(RuleIds.BloodPressure, Now));

        Assert.Equal(190, explanation.Values[0].Value);
        Assert.Null(explanation.Values[1].Value);
        Assert.Equal(180, explanation.Threshold);
    }

    [Fact]
    public void DataLink_PointsAtTheRulesMetric_OverTheWindow()
    {
        var link = AlertView.DataLinkFor("p-1", RuleIds.BloodPressure, Now.AddDays(-1), Now);

        Assert.Equal("/api/v1/patients/p-1/readings?metric=blood_pressure&from=2026-11-23T08%3A00%3A00.0000000Z&to=2026-11-24T08%3A00%3A00.0000000Z", link);
        Assert.DoesNotContain("metric=", AlertView.DataLinkFor("p-1", RuleIds.DeviceSilence, Now.AddDays(-1), Now), StringComparison.Ordinal);
    }
}
