using Microsoft.Extensions.Time.Testing;
using Telehealth.Alerts.Rules;
using Telehealth.Alerts.Tracking;

namespace Telehealth.UnitTests.Alerts.Tracking;

public sealed class AlertTrackerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 3, 21, 0, 0, TimeSpan.Zero));

    private AlertFiring Firing(string rule = RuleIds.WeightMacd, string subject = "", AlertCategory category = AlertCategory.Clinical)
    {
        var now = _time.GetUtcNow();
        return new AlertFiring(rule, "p-1", subject, category, now, now.AddDays(-3), now, [new ObservedValue("MACD", 1.2)], 0.9, "limit", "kg", "msg", "src");
    }

    private AlertTrackerResult Apply(PatientAlertState state, params AlertFiring[] firings)
        => AlertTracker.Apply(state, firings, _time.GetUtcNow());

    [Fact]
    public void Apply_FirstFiring_OpensOneAlert()
    {
        var result = Apply(PatientAlertState.Empty("p-1"), Firing());

        var alert = Assert.Single(result.Opened);
        Assert.Equal(AlertStatus.Open, alert.Status);
        Assert.Equal(RuleIds.WeightMacd, alert.RuleId);
        Assert.Same(alert, Assert.Single(result.State.Active));
    }

    [Fact]
    public void Apply_SameRuleFiringDailyForAWeek_OpensNoDuplicate()
    {
        var state = PatientAlertState.Empty("p-1");
        var opened = 0;
        var suppressed = 0;
        for (var day = 0; day < 7; day++)
        {
            var result = Apply(state, Firing());
            state = result.State;
            opened += result.Opened.Count;
            suppressed += result.SuppressedDuplicates;
            _time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(1, opened);
        Assert.Equal(6, suppressed);
        Assert.Equal(7, Assert.Single(state.Active).FiringCount);
    }

    [Fact]
    public void Acknowledge_ThenFiringAgain_StillNoNewAlert()
    {
        var state = Apply(PatientAlertState.Empty("p-1"), Firing()).State;
        state = AlertTracker.Acknowledge(state, state.Active[0].Id, "nurse", _time.GetUtcNow());
        _time.Advance(TimeSpan.FromDays(1));

        var result = Apply(state, Firing());

        Assert.Empty(result.Opened);
        var alert = Assert.Single(result.State.Active);
        Assert.Equal(AlertStatus.Acknowledged, alert.Status);
        Assert.Equal("nurse", alert.AcknowledgedBy);
    }

    [Fact]
    public void Resolve_ThenFiringAgain_OpensANewAlert()
    {
        var state = Apply(PatientAlertState.Empty("p-1"), Firing()).State;
        var firstId = state.Active[0].Id;
        var (afterResolve, resolved) = AlertTracker.Resolve(state, firstId, _time.GetUtcNow(), "treated");
        _time.Advance(TimeSpan.FromDays(1));

        var result = Apply(afterResolve, Firing());

        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.Equal("treated", resolved.Resolution);
        Assert.NotEqual(firstId, Assert.Single(result.Opened).Id);
    }

    [Fact]
    public void ResolveByHand_ThenTheSameEvidenceReEvaluated_OpensNothing_UntilNewEvidence()
    {
        var seen = Firing();
        var state = Apply(PatientAlertState.Empty("p-1"), seen).State;
        var (afterResolve, _) = AlertTracker.Resolve(state, state.Active[0].Id, _time.GetUtcNow(), "treated");
        _time.Advance(TimeSpan.FromMinutes(10));
        var reEvaluated = seen with { EvaluatedAt = _time.GetUtcNow(), WindowEnd = _time.GetUtcNow() };

        var held = Apply(afterResolve, reEvaluated);
        var heldAgain = Apply(held.State, reEvaluated);
        var newValue = Apply(heldAgain.State, reEvaluated with { Observed = [new ObservedValue("MACD", 1.3)] });

        Assert.Empty(held.Opened);
        Assert.Equal(1, held.HeldAfterResolution);
        Assert.Empty(heldAgain.Opened);
        Assert.Single(newValue.Opened);
        Assert.Empty(newValue.State.ResolvedByHand); // an alert is active again: the resolution no longer governs
    }

    [Fact]
    public void ResolveByHand_OfASilentDevice_HoldsUntilTheDeviceIsHeardFromAgain()
    {
        var since = _time.GetUtcNow().AddHours(-30);
        AlertFiring Silence(DateTimeOffset lastSeen) => Firing(RuleIds.DeviceSilence, "scale-1", AlertCategory.Technical) with
        {
            WindowStart = lastSeen,
            Observed = [new ObservedValue("hours silent", (_time.GetUtcNow() - lastSeen).TotalHours)],
        };
        var state = Apply(PatientAlertState.Empty("p-1"), Silence(since)).State;
        var (afterResolve, _) = AlertTracker.Resolve(state, state.Active[0].Id, _time.GetUtcNow(), "citizen in hospital");
        _time.Advance(TimeSpan.FromHours(6));

        var stillSilent = Apply(afterResolve, Silence(since)); // more hours, same silence
        var silentAgain = Apply(stillSilent.State, Silence(since.AddHours(34))); // it was heard from, then fell silent again

        Assert.Empty(stillSilent.Opened);
        Assert.Single(silentAgain.Opened);
    }

    [Fact]
    public void SameEvidence_NeedsTheSameRuleSubjectWindowStartAndValues()
    {
        var firing = Firing();

        Assert.True(AlertTracker.SameEvidence(firing, firing with { EvaluatedAt = firing.EvaluatedAt.AddHours(1), WindowEnd = firing.WindowEnd.AddHours(1) }));
        Assert.False(AlertTracker.SameEvidence(firing, firing with { WindowStart = firing.WindowStart.AddDays(1) }));
        Assert.False(AlertTracker.SameEvidence(firing, firing with { Observed = [new ObservedValue("MACD", 1.2), new ObservedValue("EMA", 80)] }));
        Assert.False(AlertTracker.SameEvidence(firing, firing with { Observed = [new ObservedValue("MACD (2 readings)", 1.2)] }));
        Assert.False(AlertTracker.SameEvidence(firing, firing with { RuleId = RuleIds.WeightGain }));
        Assert.False(AlertTracker.SameEvidence(firing, firing with { Subject = "scale-1" }));
    }

    [Fact]
    public void Apply_RuleQuietForTheQuietPeriod_ResolvesByItself()
    {
        var state = Apply(PatientAlertState.Empty("p-1"), Firing()).State;
        _time.Advance(TimeSpan.FromDays(6));
        var stillOpen = Apply(state);
        _time.Advance(TimeSpan.FromDays(1));

        var result = Apply(stillOpen.State);

        Assert.Empty(stillOpen.Resolved);
        Assert.Equal("rule quiet", Assert.Single(result.Resolved).Resolution);
        Assert.Empty(result.State.Active);
    }

    [Fact]
    public void Apply_TwoSilentDevices_TrackedSeparatelyAndApartFromClinical()
    {
        var result = Apply(PatientAlertState.Empty("p-1"),
            Firing(RuleIds.DeviceSilence, "scale", AlertCategory.Technical),
            Firing(RuleIds.DeviceSilence, "wearable", AlertCategory.Technical),
            Firing());

        Assert.Equal(3, result.Opened.Count);
        Assert.Equal(2, result.Opened.Count(a => a.Category == AlertCategory.Technical));
    }

    [Fact]
    public void Apply_TechnicalAlertDeviceBackForTwelveHours_Resolves()
    {
        var state = Apply(PatientAlertState.Empty("p-1"), Firing(RuleIds.DeviceSilence, "scale", AlertCategory.Technical)).State;
        _time.Advance(TimeSpan.FromHours(12));

        Assert.Single(Apply(state).Resolved);
    }

    [Fact]
    public void Apply_FiringOfAnotherPatient_Throws()
    {
        Assert.Throws<ArgumentException>(() => Apply(PatientAlertState.Empty("p-2"), Firing()));
    }
}
