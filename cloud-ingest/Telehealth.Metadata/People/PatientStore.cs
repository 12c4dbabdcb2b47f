using Dapper;
using Telehealth.Ingest.Contracts.Identity;
using Telehealth.Metadata.Database;

namespace Telehealth.Metadata.People;

/// <summary>Patients and their care teams.</summary>
public sealed class PatientStore(MetadataDb db, TimeProvider time)
{
    /// <summary>Creates the patient, or updates condition, UTC offset and settings when it exists.</summary>
    public async Task UpsertAsync(string id, string? condition, int utcOffsetMinutes, string? settingsJson, CancellationToken cancellationToken)
    {
        if (PseudonymousId.Validate(id, "patient id") is { } error)
        {
            throw new ArgumentException(error, nameof(id));
        }

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO patients (id, condition, utc_offset_minutes, settings_json, created_at) VALUES (@id, @condition, @utcOffsetMinutes, @settingsJson, @now)
            ON CONFLICT (id) DO UPDATE SET condition = excluded.condition, utc_offset_minutes = excluded.utc_offset_minutes, settings_json = excluded.settings_json
            """,
            new { id, condition, utcOffsetMinutes, settingsJson, now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<Patient?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<PatientRow>(new CommandDefinition(
            "SELECT id, condition, CAST(utc_offset_minutes AS BIGINT) AS UtcOffsetMinutes, settings_json AS SettingsJson, created_at AS CreatedAt FROM patients WHERE id = @id",
            new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : new Patient(row.Id, row.Condition, (int)row.UtcOffsetMinutes, row.SettingsJson, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt));
    }

    /// <summary>Creates a care team (idempotent).</summary>
    public async Task CreateCareTeamAsync(string id, string name, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO care_teams (id, name, created_at) VALUES (@id, @name, @now) ON CONFLICT (id) DO UPDATE SET name = excluded.name",
            new { id, name, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Puts a patient in a care team's care (idempotent).</summary>
    public async Task AssignAsync(string careTeamId, string patientId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO care_team_patients (care_team_id, patient_id) VALUES (@careTeamId, @patientId) ON CONFLICT DO NOTHING",
            new { careTeamId, patientId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private sealed record PatientRow(string Id, string? Condition, long UtcOffsetMinutes, string? SettingsJson, long CreatedAt);
}
