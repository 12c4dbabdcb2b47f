using System.Data.Common;
using System.Text;
using Dapper;
using Telehealth.Metadata.Database;

namespace Telehealth.Metadata.Alerts;

/// <summary>
/// Alerts and their life cycle in the metadata store. An evaluation is applied in one transaction against the
/// stored active alerts; the partial unique index <c>alerts_one_active</c> (one open or acknowledged alert per
/// patient, rule and subject) makes a concurrent duplicate impossible: the losing insert does nothing. Every change of
/// an alert's status (opened, acknowledged, resolved by hand or because its rule stayed quiet) puts a webhook
/// notification in the outbox in the same transaction as the change.
/// </summary>
public sealed class AlertStore(MetadataDb db, TimeProvider time)
{
    /// <summary>How far back an alert resolved by hand still holds back a firing on the same evidence.</summary>
    public static readonly TimeSpan ResolvedByHandHorizon = TimeSpan.FromDays(62);

    /// <summary><c>resolved_by</c> of an alert resolved because its rule stayed quiet.</summary>
    public const string SystemActor = "system";

    /// <summary>The outbox event for an alert opened.</summary>
    public const string OpenedEvent = "alert.opened";

    /// <summary>The outbox event for an alert acknowledged by a clinician.</summary>
    public const string AcknowledgedEvent = "alert.acknowledged";

    /// <summary>The outbox event for an alert resolved, by a clinician or because its rule stayed quiet.</summary>
    public const string ResolvedEvent = "alert.resolved";

    /// <summary>
    /// Loads the patient's active alerts and those resolved by hand (only of <paramref name="ruleIds"/> when given), lets
    /// <paramref name="decide"/> compute the changes, and applies them in the same transaction.
    /// </summary>
    public async Task<AlertEvaluationOutcome> ApplyEvaluationAsync(
        string patientId, IReadOnlyCollection<string>? ruleIds, Func<PatientAlerts, AlertChanges> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var active = (await connection.QueryAsync<AlertRow>(new CommandDefinition(
            $"SELECT {AlertRow.Columns} FROM alerts WHERE patient_id = @patientId AND status <> 'resolved' ORDER BY opened_at, id",
            new { patientId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Select(r => r.ToAlert())
            .Where(a => ruleIds is null || ruleIds.Contains(a.RuleId))
            .ToList();
        var resolvedSince = (time.GetUtcNow() - ResolvedByHandHorizon).ToUnixTimeMilliseconds();
        var resolvedByHand = (await connection.QueryAsync<AlertRow>(new CommandDefinition(
            $"SELECT {AlertRow.Columns} FROM alerts WHERE patient_id = @patientId AND status = 'resolved' AND resolved_at >= @resolvedSince ORDER BY resolved_at DESC, id DESC",
            new { patientId, resolvedSince }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Select(r => r.ToAlert())
            .Where(a => ruleIds is null || ruleIds.Contains(a.RuleId))
            .DistinctBy(a => (a.RuleId, a.Subject)) // the latest resolution of each rule and subject
            .Where(a => a.ResolvedBy != SystemActor && !active.Exists(x => x.RuleId == a.RuleId && x.Subject == a.Subject))
            .ToList();
        var changes = decide(new PatientAlerts(active, resolvedByHand));
        var now = time.GetUtcNow();
        var opened = new List<StoredAlert>();
        var lost = 0;
        foreach (var alert in changes.Opened)
        {
            var stored = new StoredAlert("al-" + Guid.CreateVersion7(now).ToString("N"), patientId, alert.RuleId, alert.Subject, alert.Category,
                AlertStatuses.Open, alert.OpenedAt, alert.OpenedAt, 1, alert.FiringJson, alert.FiringJson, null, null, null, null, null);
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO alerts (id, patient_id, rule_id, subject, category, status, opened_at, last_fired_at, firing_count, first_firing_json, latest_firing_json)
                VALUES (@Id, @PatientId, @RuleId, @Subject, @Category, 'open', @openedAt, @openedAt, 1, @FirstFiringJson, @LatestFiringJson)
                ON CONFLICT DO NOTHING
                """,
                new { stored.Id, stored.PatientId, stored.RuleId, stored.Subject, stored.Category, openedAt = alert.OpenedAt.ToUnixTimeMilliseconds(), stored.FirstFiringJson, stored.LatestFiringJson },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (inserted == 0)
            {
                lost++;
                continue;
            }

            await EnqueueAsync(connection, transaction, stored, OpenedEvent, now, cancellationToken).ConfigureAwait(false);
            opened.Add(stored);
        }

        var folded = 0;
        foreach (var fold in changes.Folded)
        {
            folded += await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE alerts SET firing_count = firing_count + @firings,
                    latest_firing_json = CASE WHEN last_fired_at <= @at THEN @json ELSE latest_firing_json END,
                    last_fired_at = CASE WHEN last_fired_at <= @at THEN @at ELSE last_fired_at END
                WHERE id = @id AND status <> 'resolved'
                """,
                new { id = fold.AlertId, json = fold.LatestFiringJson, at = fold.LastFiredAt.ToUnixTimeMilliseconds(), firings = fold.Firings },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var resolved = 0;
        foreach (var quiet in changes.Resolved)
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE alerts SET status = 'resolved', resolved_at = @at, resolved_by = @system, resolution = @reason
                WHERE id = @id AND status <> 'resolved' AND last_fired_at = @expected
                """,
                new { id = quiet.AlertId, at = quiet.ResolvedAt.ToUnixTimeMilliseconds(), reason = quiet.Reason, expected = quiet.ExpectedLastFiredAt.ToUnixTimeMilliseconds(), system = SystemActor },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (changed > 0)
            {
                resolved += changed;
                await EnqueueChangedAsync(connection, transaction, quiet.AlertId, ResolvedEvent, now, cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new AlertEvaluationOutcome(opened, folded, resolved, lost);
    }

    /// <summary>The alert, or null.</summary>
    public async Task<StoredAlert?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<AlertRow>(new CommandDefinition(
            $"SELECT {AlertRow.Columns} FROM alerts WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToAlert();
    }

    /// <summary>Alerts matching the query, newest first.</summary>
    public async Task<IReadOnlyList<StoredAlert>> ListAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder($"SELECT {AlertRow.Columns} FROM alerts WHERE 1 = 1");
        if (query.CareTeamId is not null)
        {
            sql.Append(" AND patient_id IN (SELECT patient_id FROM care_team_patients WHERE care_team_id = @CareTeamId)");
        }

        Append(sql, query.PatientId, "patient_id = @PatientId");
        Append(sql, query.Status, "status = @Status");
        Append(sql, query.Category, "category = @Category");
        Append(sql, query.RuleId, "rule_id = @RuleId");
        if (query.Since is not null)
        {
            sql.Append(" AND opened_at >= @since");
        }

        sql.Append(" ORDER BY opened_at DESC, id DESC LIMIT @Limit");
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<AlertRow>(new CommandDefinition(sql.ToString(), new
        {
            query.CareTeamId, query.PatientId, query.Status, query.Category, query.RuleId, since = query.Since?.ToUnixTimeMilliseconds(), query.Limit,
        }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToAlert()).ToList();
    }

    /// <summary>open → acknowledged, with an optional note; any other status is an illegal transition.</summary>
    public Task<AlertTransition> AcknowledgeAsync(string id, AlertActor by, string? note, CancellationToken cancellationToken)
        => TransitionAsync(id, by, "acknowledged", AcknowledgedEvent, note,
            "UPDATE alerts SET status = 'acknowledged', acknowledged_at = @now, acknowledged_by = @by WHERE id = @id AND status = 'open'",
            null, cancellationToken);

    /// <summary>open or acknowledged → resolved, with the reason and an optional note; resolving twice is illegal.</summary>
    public Task<AlertTransition> ResolveAsync(string id, AlertActor by, string reason, string? note, CancellationToken cancellationToken)
        => TransitionAsync(id, by, "resolved", ResolvedEvent, note,
            "UPDATE alerts SET status = 'resolved', resolved_at = @now, resolved_by = @by, resolution = @reason WHERE id = @id AND status <> 'resolved'",
            reason, cancellationToken);

    /// <summary>Appends a note (allowed in every status; notes are never changed or deleted).</summary>
    public async Task<AlertTransition> AddNoteAsync(string id, AlertActor by, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await StatusOfAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return AlertTransition.NotFound;
        }

        await InsertNoteAsync(connection, transaction, id, by, "note", text, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return AlertTransition.Done;
    }

    /// <summary>The alert's notes and transitions, oldest first.</summary>
    public async Task<IReadOnlyList<AlertNote>> NotesAsync(string alertId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<NoteRow>(new CommandDefinition(
            "SELECT id AS Id, alert_id AS AlertId, at AS At, author_kind AS AuthorKind, author_id AS AuthorId, kind AS Kind, text AS Text FROM alert_notes WHERE alert_id = @alertId ORDER BY id",
            new { alertId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new AlertNote(r.Id, r.AlertId, DateTimeOffset.FromUnixTimeMilliseconds(r.At), r.AuthorKind, r.AuthorId, r.Kind, r.Text)).ToList();
    }

    /// <summary>Every patient (the scheduled pass evaluates them all), in id order.</summary>
    public async Task<IReadOnlyList<string>> PatientIdsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<string>(new CommandDefinition("SELECT id FROM patients ORDER BY id", cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
    }

    private async Task<AlertTransition> TransitionAsync(
        string id, AlertActor by, string kind, string eventName, string? note, string update, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var changed = await connection.ExecuteAsync(new CommandDefinition(update,
            new { id, by = by.ToString(), reason, now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (changed == 0)
        {
            return await StatusOfAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false) is null
                ? AlertTransition.NotFound
                : AlertTransition.IllegalTransition;
        }

        var text = reason is null ? note ?? "" : string.IsNullOrEmpty(note) ? reason : reason + ": " + note;
        await InsertNoteAsync(connection, transaction, id, by, kind, text, cancellationToken).ConfigureAwait(false);
        await EnqueueChangedAsync(connection, transaction, id, eventName, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return AlertTransition.Done;
    }

    /// <summary>Puts the notification of <paramref name="eventName"/> for the alert as it now is into the outbox.</summary>
    private static async Task EnqueueChangedAsync(
        DbConnection connection, DbTransaction transaction, string id, string eventName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleAsync<AlertRow>(new CommandDefinition(
            $"SELECT {AlertRow.Columns} FROM alerts WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await EnqueueAsync(connection, transaction, row.ToAlert(), eventName, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One notification per alert and event: the idempotency key is <c>alert id:event</c>, the same on every delivery
    /// attempt (an alert is opened, acknowledged and resolved at most once each).
    /// </summary>
    private static Task<int> EnqueueAsync(
        DbConnection connection, DbTransaction transaction, StoredAlert alert, string eventName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = alert.Id + ":" + eventName;
        return connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO alert_outbox (alert_id, event, idempotency_key, payload_json, created_at, attempts, next_attempt_at)
            VALUES (@alertId, @eventName, @key, @payload, @now, 0, @now)
            """,
            new { alertId = alert.Id, eventName, key, payload = OutboxPayload.For(eventName, key, alert, now), now = now.ToUnixTimeMilliseconds() },
            transaction, cancellationToken: cancellationToken));
    }

    private static Task<string?> StatusOfAsync(DbConnection connection, DbTransaction transaction, string id, CancellationToken cancellationToken)
        => connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT status FROM alerts WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));

    private Task<int> InsertNoteAsync(DbConnection connection, DbTransaction transaction, string id, AlertActor by, string kind, string text, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO alert_notes (alert_id, at, author_kind, author_id, kind, text) VALUES (@id, @at, @authorKind, @authorId, @kind, @text)",
            new { id, at = time.GetUtcNow().ToUnixTimeMilliseconds(), authorKind = by.Kind, authorId = by.Id, kind, text },
            transaction, cancellationToken: cancellationToken));

    private static void Append(StringBuilder sql, string? value, string condition)
    {
        if (value is not null)
        {
            sql.Append(" AND ").Append(condition);
        }
    }

    private sealed class NoteRow
    {
        public long Id { get; set; }

        public string AlertId { get; set; } = "";

        public long At { get; set; }

        public string AuthorKind { get; set; } = "";

        public string? AuthorId { get; set; }

        public string Kind { get; set; } = "";

        public string Text { get; set; } = "";
    }
}
