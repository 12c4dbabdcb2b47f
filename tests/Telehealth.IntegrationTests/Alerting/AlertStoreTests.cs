using Dapper;
using Microsoft.Extensions.Time.Testing;
using Telehealth.IntegrationTests.Fixtures;
using Telehealth.Metadata;
using Telehealth.Metadata.Alerts;

namespace Telehealth.IntegrationTests.Alerting;

/// <summary>The alert store on a real SQLite file and a real PostgreSQL server: life cycle, notes, filters, outbox, lease.</summary>
public sealed class AlertStoreTests
{
    private static readonly AlertActor Therapist = new("therapist", "ther-a");

    private static async Task<(MetadataDatabase Database, AlertStore Store)> CreateAsync(MetadataProvider provider, CancellationToken cancellationToken)
    {
        var database = await MetadataDatabase.CreateAsync(provider, cancellationToken);
        await AlertingSeed.CreateAsync(database.Db, "p-1", "p-2", cancellationToken);
        return (database, new AlertStore(database.Db, TimeProvider.System));
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task Alert_GoesOpenAcknowledgedResolved_WithWhoWhenAndAppendOnlyNotes(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var (database, store) = await CreateAsync(provider, timeout.Token);
        await using var _ = database;
        var alert = await AlertingSeed.OpenAsync(store, "p-1", "bp.systolic", TimeProvider.System.GetUtcNow(), timeout.Token);

        Assert.Equal(AlertStatuses.Open, (await store.GetAsync(alert.Id, timeout.Token))!.Status);
        Assert.Equal(AlertTransition.Done, await store.AcknowledgeAsync(alert.Id, Therapist, "called the patient", timeout.Token));
        Assert.Equal(AlertTransition.IllegalTransition, await store.AcknowledgeAsync(alert.Id, Therapist, null, timeout.Token));
        Assert.Equal(AlertTransition.Done, await store.AddNoteAsync(alert.Id, Therapist, "GP informed", timeout.Token));
        Assert.Equal(AlertTransition.Done, await store.ResolveAsync(alert.Id, Therapist, "treated", "medication adjusted", timeout.Token));
        Assert.Equal(AlertTransition.IllegalTransition, await store.ResolveAsync(alert.Id, Therapist, "again", null, timeout.Token));
        Assert.Equal(AlertTransition.IllegalTransition, await store.AcknowledgeAsync(alert.Id, Therapist, null, timeout.Token));
        Assert.Equal(AlertTransition.Done, await store.AddNoteAsync(alert.Id, Therapist, "follow-up booked", timeout.Token));

        var stored = (await store.GetAsync(alert.Id, timeout.Token))!;
        Assert.Equal(AlertStatuses.Resolved, stored.Status);
        Assert.Equal("therapist:ther-a", stored.AcknowledgedBy);
        Assert.Equal("therapist:ther-a", stored.ResolvedBy);
        Assert.Equal("treated", stored.Resolution);
        Assert.NotNull(stored.AcknowledgedAt);
        Assert.NotNull(stored.ResolvedAt);
        var notes = await store.NotesAsync(alert.Id, timeout.Token);
        Assert.Equal(["acknowledged", "note", "resolved", "note"], notes.Select(n => n.Kind));
        Assert.Equal(["called the patient", "GP informed", "treated: medication adjusted", "follow-up booked"], notes.Select(n => n.Text));
        Assert.All(notes, n => Assert.Equal("ther-a", n.AuthorId));
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task UnknownAlert_IsNotFound_ForEveryChange(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var (database, store) = await CreateAsync(provider, timeout.Token);
        await using var _ = database;

        Assert.Equal(AlertTransition.NotFound, await store.AcknowledgeAsync("al-none", Therapist, null, timeout.Token));
        Assert.Equal(AlertTransition.NotFound, await store.ResolveAsync("al-none", Therapist, "x", null, timeout.Token));
        Assert.Equal(AlertTransition.NotFound, await store.AddNoteAsync("al-none", Therapist, "x", timeout.Token));
        Assert.Null(await store.GetAsync("al-none", timeout.Token));
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task TheDatabaseRefusesASecondActiveAlert_ForTheSameRuleAndPatient(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var (database, store) = await CreateAsync(provider, timeout.Token);
        await using var _ = database;
        var now = TimeProvider.System.GetUtcNow();
        var open = new AlertChanges([new NewAlert("bp.systolic", "", "clinical", now, "{}")], [], []);

        // decide ignores what is stored, as two instances that both read "no alert yet" would
        var first = await store.ApplyEvaluationAsync("p-1", null, _ => open, timeout.Token);
        var second = await store.ApplyEvaluationAsync("p-1", null, _ => open, timeout.Token);

        Assert.Single(first.Opened);
        Assert.Empty(second.Opened);
        Assert.Equal(1, second.LostRaces);
        await using var connection = await database.Db.OpenAsync(timeout.Token);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM alerts"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM alert_outbox"));
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task AfterResolution_TheRuleMayOpenANewAlert(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var (database, store) = await CreateAsync(provider, timeout.Token);
        await using var _ = database;
        var first = await AlertingSeed.OpenAsync(store, "p-1", "bp.systolic", TimeProvider.System.GetUtcNow().AddMinutes(-5), timeout.Token);
        await store.ResolveAsync(first.Id, Therapist, "treated", null, timeout.Token);

        var second = await AlertingSeed.OpenAsync(store, "p-1", "bp.systolic", TimeProvider.System.GetUtcNow(), timeout.Token);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal([second.Id], (await store.ListAsync(new AlertQuery { Status = AlertStatuses.Open }, timeout.Token)).Select(a => a.Id));
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task ResolvedByHand_HoldsBackTheSameEvidence_NotWhatTheSystemResolved_NorOnceAnAlertIsActive(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var (database, store) = await CreateAsync(provider, timeout.Token);
        await using var _ = database;
        var at = TimeProvider.System.GetUtcNow().AddMinutes(-10);
        var handled = await AlertingSeed.OpenAsync(store, "p-1", "bp.systolic", at, timeout.Token);
        await store.ResolveAsync(handled.Id, Therapist, "treated", null, timeout.Token);
        var quiet = await AlertingSeed.OpenAsync(store, "p-1", "spo2.floor", at.AddDays(-8), timeout.Token);
        await store.ApplyEvaluationAsync("p-1", null,
            _ => new AlertChanges([], [], [new AlertQuietResolution(quiet.Id, quiet.LastFiredAt, at, "rule quiet")]), timeout.Token);

        Assert.Equal([handled.Id], (await SeenAsync(null)).ResolvedByHand.Select(a => a.Id)); // not the one the system resolved
        Assert.Empty((await SeenAsync(["spo2.floor"])).ResolvedByHand); // only the rules evaluated

        var held = await AlertingSeed.EvaluateAsync(store, "p-1", "bp.systolic", at, 190, timeout.Token); // the evidence the therapist saw
        Assert.Empty(held.Opened);
        var newEvidence = await AlertingSeed.EvaluateAsync(store, "p-1", "bp.systolic", at, 195, timeout.Token);
        Assert.Single(newEvidence.Opened);
        var seen = await SeenAsync(null);
        Assert.Empty(seen.ResolvedByHand); // an alert of the rule is active again
        Assert.Equal([newEvidence.Opened[0].Id], seen.Active.Select(a => a.Id));

        async Task<PatientAlerts> SeenAsync(IReadOnlyCollection<string>? ruleIds)
        {
            PatientAlerts? seen = null;
            await store.ApplyEvaluationAsync("p-1", ruleIds, alerts =>
            {
                seen = alerts;
                return new AlertChanges([], [], []);
            }, timeout.Token);
            return seen!;
        }
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task List_FiltersByTeamPatientStatusRuleAndTime(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var (database, store) = await CreateAsync(provider, timeout.Token);
        await using var _ = database;
        var now = TimeProvider.System.GetUtcNow();
        var own = await AlertingSeed.OpenAsync(store, "p-1", "bp.systolic", now.AddHours(-2), timeout.Token);
        var other = await AlertingSeed.OpenAsync(store, "p-2", "bp.systolic", now.AddHours(-1), timeout.Token);
        var later = await AlertingSeed.OpenAsync(store, "p-1", "spo2.floor", now, timeout.Token);
        await store.AcknowledgeAsync(later.Id, Therapist, null, timeout.Token);

        Assert.Equal([later.Id, own.Id], (await store.ListAsync(new AlertQuery { CareTeamId = "team-a" }, timeout.Token)).Select(a => a.Id));
        Assert.Equal([other.Id], (await store.ListAsync(new AlertQuery { CareTeamId = "team-b" }, timeout.Token)).Select(a => a.Id));
        Assert.Equal([own.Id], (await store.ListAsync(new AlertQuery { CareTeamId = "team-a", Status = AlertStatuses.Open }, timeout.Token)).Select(a => a.Id));
        Assert.Equal([later.Id], (await store.ListAsync(new AlertQuery { RuleId = "spo2.floor" }, timeout.Token)).Select(a => a.Id));
        Assert.Equal([later.Id, other.Id], (await store.ListAsync(new AlertQuery { Since = now.AddMinutes(-90) }, timeout.Token)).Select(a => a.Id));
        Assert.Empty(await store.ListAsync(new AlertQuery { Category = "technical" }, timeout.Token));
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task QuietResolution_IsSkipped_WhenAnotherInstanceFoldedAFiringMeanwhile(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var (database, store) = await CreateAsync(provider, timeout.Token);
        await using var _ = database;
        var alert = await AlertingSeed.OpenAsync(store, "p-1", "bp.systolic", TimeProvider.System.GetUtcNow().AddDays(-8), timeout.Token);
        var now = TimeProvider.System.GetUtcNow();
        await store.ApplyEvaluationAsync("p-1", null, _ => new AlertChanges([], [new AlertFold(alert.Id, now, alert.LatestFiringJson, 1)], []), timeout.Token);

        var stale = await store.ApplyEvaluationAsync("p-1", null,
            _ => new AlertChanges([], [], [new AlertQuietResolution(alert.Id, alert.LastFiredAt, now, "rule quiet")]), timeout.Token);

        Assert.Equal(0, stale.Resolved);
        var stored = (await store.GetAsync(alert.Id, timeout.Token))!;
        Assert.Equal(AlertStatuses.Open, stored.Status);
        Assert.Equal(2, stored.FiringCount);
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task Outbox_ClaimsEachNotificationOnce_AndKeepsFailuresForLater(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var (database, store) = await CreateAsync(provider, timeout.Token);
        await using var _ = database;
        var alert = await AlertingSeed.OpenAsync(store, "p-1", "bp.systolic", TimeProvider.System.GetUtcNow(), timeout.Token);
        var outbox = new AlertOutbox(database.Db, TimeProvider.System);

        var claimed = Assert.Single(await outbox.ClaimDueAsync(10, TimeSpan.FromMinutes(1), timeout.Token));
        Assert.Empty(await outbox.ClaimDueAsync(10, TimeSpan.FromMinutes(1), timeout.Token));
        Assert.Equal(alert.Id + ":alert.opened", claimed.IdempotencyKey);
        Assert.Contains(alert.Id, claimed.PayloadJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Systolic", claimed.PayloadJson, StringComparison.Ordinal); // no message, no values

        await outbox.MarkFailedAsync(claimed.Id, 3, "HTTP 503", TimeProvider.System.GetUtcNow().AddHours(1), timeout.Token);
        Assert.Empty(await outbox.ClaimDueAsync(10, TimeSpan.FromMinutes(1), timeout.Token));
        var state = Assert.Single(await outbox.ForAlertAsync(alert.Id, timeout.Token));
        Assert.Equal(3, state.Attempts);
        Assert.Null(state.DeliveredAt);
        Assert.Equal("HTTP 503", state.LastError);
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task EveryStatusChange_PutsOneNotificationInTheOutbox_AndIllegalOnesNone(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var (database, store) = await CreateAsync(provider, timeout.Token);
        await using var _ = database;
        var alert = await AlertingSeed.OpenAsync(store, "p-1", "bp.systolic", TimeProvider.System.GetUtcNow(), timeout.Token);
        var outbox = new AlertOutbox(database.Db, TimeProvider.System);

        await store.AcknowledgeAsync(alert.Id, Therapist, "calling", timeout.Token);
        await store.AcknowledgeAsync(alert.Id, Therapist, null, timeout.Token); // illegal: already acknowledged
        await store.AddNoteAsync(alert.Id, Therapist, "GP informed", timeout.Token); // a note is not a status change
        await store.ResolveAsync(alert.Id, Therapist, "treated", "medication adjusted", timeout.Token);
        await store.ResolveAsync(alert.Id, Therapist, "again", null, timeout.Token); // illegal: already resolved

        Assert.Equal(
            [alert.Id + ":alert.opened", alert.Id + ":alert.acknowledged", alert.Id + ":alert.resolved"],
            (await outbox.ForAlertAsync(alert.Id, timeout.Token)).Select(n => n.IdempotencyKey));
        await using var connection = await database.Db.OpenAsync(timeout.Token);
        var payloads = (await connection.QueryAsync<string>("SELECT payload_json FROM alert_outbox ORDER BY id")).Select(json => System.Text.Json.JsonDocument.Parse(json)).ToList();
        Assert.Equal(["alert.opened", "alert.acknowledged", "alert.resolved"], payloads.Select(p => p.RootElement.GetProperty("event").GetString()));
        Assert.Equal(["open", "acknowledged", "resolved"], payloads.Select(p => p.RootElement.GetProperty("alert").GetProperty("status").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.String, payloads[1].RootElement.GetProperty("alert").GetProperty("acknowledgedAt").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.String, payloads[2].RootElement.GetProperty("alert").GetProperty("resolvedAt").ValueKind);
        Assert.False(payloads[0].RootElement.GetProperty("alert").TryGetProperty("resolvedAt", out var notYet), notYet.ToString());
        Assert.All(payloads, p => Assert.DoesNotContain("medication", p.RootElement.GetRawText(), StringComparison.Ordinal)); // no free text
        Assert.All(payloads, p => Assert.DoesNotContain("treated", p.RootElement.GetRawText(), StringComparison.Ordinal));
        payloads.ForEach(p => p.Dispose());
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task QuietResolution_IsNotified_ButNotWhenItWasSkipped(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var (database, store) = await CreateAsync(provider, timeout.Token);
        await using var _ = database;
        var quiet = await AlertingSeed.OpenAsync(store, "p-1", "bp.systolic", TimeProvider.System.GetUtcNow().AddDays(-8), timeout.Token);
        var firing = await AlertingSeed.OpenAsync(store, "p-2", "bp.systolic", TimeProvider.System.GetUtcNow().AddDays(-8), timeout.Token);
        var now = TimeProvider.System.GetUtcNow();
        await store.ApplyEvaluationAsync("p-2", null, _ => new AlertChanges([], [new AlertFold(firing.Id, now, firing.LatestFiringJson, 1)], []), timeout.Token);

        var resolved = await store.ApplyEvaluationAsync("p-1", null,
            _ => new AlertChanges([], [], [new AlertQuietResolution(quiet.Id, quiet.LastFiredAt, now, "rule quiet")]), timeout.Token);
        var skipped = await store.ApplyEvaluationAsync("p-2", null,
            _ => new AlertChanges([], [], [new AlertQuietResolution(firing.Id, firing.LastFiredAt, now, "rule quiet")]), timeout.Token);

        Assert.Equal(1, resolved.Resolved);
        Assert.Equal(0, skipped.Resolved);
        var outbox = new AlertOutbox(database.Db, TimeProvider.System);
        Assert.Equal([quiet.Id + ":alert.opened", quiet.Id + ":alert.resolved"], (await outbox.ForAlertAsync(quiet.Id, timeout.Token)).Select(n => n.IdempotencyKey));
        Assert.Equal([firing.Id + ":alert.opened"], (await outbox.ForAlertAsync(firing.Id, timeout.Token)).Select(n => n.IdempotencyKey));
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task Outbox_HoldsAnAlertsLaterNotifications_UntilTheEarlierOneIsDelivered(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var (database, store) = await CreateAsync(provider, timeout.Token);
        await using var _ = database;
        var first = await AlertingSeed.OpenAsync(store, "p-1", "bp.systolic", TimeProvider.System.GetUtcNow(), timeout.Token);
        var second = await AlertingSeed.OpenAsync(store, "p-2", "bp.systolic", TimeProvider.System.GetUtcNow(), timeout.Token);
        await store.AcknowledgeAsync(first.Id, Therapist, null, timeout.Token);
        await store.ResolveAsync(first.Id, Therapist, "treated", null, timeout.Token);
        var outbox = new AlertOutbox(database.Db, TimeProvider.System);

        var round1 = await outbox.ClaimDueAsync(10, TimeSpan.FromMinutes(1), timeout.Token);
        Assert.Equal([first.Id + ":alert.opened", second.Id + ":alert.opened"], round1.Select(m => m.IdempotencyKey));
        await outbox.MarkFailedAsync(round1[0].Id, 1, "HTTP 503", TimeProvider.System.GetUtcNow().AddMilliseconds(-1), timeout.Token);
        await outbox.MarkDeliveredAsync(round1[1].Id, 1, timeout.Token);

        var round2 = await outbox.ClaimDueAsync(10, TimeSpan.FromMinutes(1), timeout.Token);
        Assert.Equal([first.Id + ":alert.opened"], round2.Select(m => m.IdempotencyKey)); // the failed one again, not what follows it
        await outbox.MarkDeliveredAsync(round2[0].Id, 1, timeout.Token);

        var round3 = await outbox.ClaimDueAsync(10, TimeSpan.FromMinutes(1), timeout.Token);
        Assert.Equal([first.Id + ":alert.acknowledged"], round3.Select(m => m.IdempotencyKey));
        await outbox.MarkDeliveredAsync(round3[0].Id, 1, timeout.Token);
        Assert.Equal([first.Id + ":alert.resolved"], (await outbox.ClaimDueAsync(10, TimeSpan.FromMinutes(1), timeout.Token)).Select(m => m.IdempotencyKey));
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task Lease_IsHeldByOneInstance_UntilItExpires(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var leases = new AlertLeases(database.Db, time);

        Assert.True(await leases.TryAcquireAsync("pass", "a", TimeSpan.FromMinutes(5), timeout.Token));
        Assert.False(await leases.TryAcquireAsync("pass", "b", TimeSpan.FromMinutes(5), timeout.Token));
        Assert.True(await leases.TryAcquireAsync("pass", "a", TimeSpan.FromMinutes(5), timeout.Token));
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(await leases.TryAcquireAsync("pass", "b", TimeSpan.FromMinutes(5), timeout.Token));
        Assert.False(await leases.TryAcquireAsync("pass", "a", TimeSpan.FromMinutes(5), timeout.Token));
    }
}
