using Dapper;
using Telehealth.Ingest.Contracts.Identity;
using Telehealth.Metadata.Database;

namespace Telehealth.Metadata.People;

/// <summary>
/// Therapists (who see their care team's patients) and operators (installers and municipality IT: gateways, fleet).
/// Each has a bearer token, stored as its SHA-256 only; revoked tokens stop working at once.
/// </summary>
public sealed class StaffStore(MetadataDb db, TimeProvider time)
{
    /// <summary>Creates a therapist in a care team; returns the bearer token (shown once, never stored).</summary>
    public async Task<string> CreateTherapistAsync(string id, string careTeamId, CancellationToken cancellationToken)
    {
        ValidateId(id);
        var token = TokenHash.NewToken();
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO therapists (id, care_team_id, token_sha256, created_at) VALUES (@id, @careTeamId, @hash, @now)",
            new { id, careTeamId, hash = TokenHash.Of(token), now = Now() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return token;
    }

    /// <summary>Creates an operator; returns the bearer token (shown once, never stored).</summary>
    public async Task<string> CreateOperatorAsync(string id, CancellationToken cancellationToken)
    {
        ValidateId(id);
        var token = TokenHash.NewToken();
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO operators (id, token_sha256, created_at) VALUES (@id, @hash, @now)",
            new { id, hash = TokenHash.Of(token), now = Now() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return token;
    }

    /// <summary>Revokes a therapist's or operator's token; returns false when there is no such person.</summary>
    public async Task<bool> RevokeAsync(string kind, string id, CancellationToken cancellationToken)
    {
        var table = kind switch
        {
            StaffMember.TherapistKind => "therapists",
            StaffMember.OperatorKind => "operators",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "therapist or operator"),
        };
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {table} SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL",
            new { id, now = Now() }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    /// <summary>The therapist or operator holding this bearer token, or null (unknown or revoked).</summary>
    public async Task<StaffMember?> AuthenticateAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 256)
        {
            return null;
        }

        var hash = TokenHash.Of(token);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<StaffMember>(new CommandDefinition(
            """
            SELECT 'therapist' AS Kind, id AS Id, care_team_id AS CareTeamId FROM therapists WHERE token_sha256 = @hash AND revoked_at IS NULL
            UNION ALL
            SELECT 'operator' AS Kind, id AS Id, NULL AS CareTeamId FROM operators WHERE token_sha256 = @hash AND revoked_at IS NULL
            """,
            new { hash }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>True when the therapist's care team has this patient in its care.</summary>
    public async Task<bool> CanSeePatientAsync(StaffMember staff, string patientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (staff.Kind != StaffMember.TherapistKind || staff.CareTeamId is null)
        {
            return false;
        }

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM care_team_patients WHERE care_team_id = @careTeamId AND patient_id = @patientId",
            new { careTeamId = staff.CareTeamId, patientId }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    /// <summary>The patients in a therapist's care team.</summary>
    public async Task<IReadOnlyList<string>> PatientsOfAsync(StaffMember staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT patient_id FROM care_team_patients WHERE care_team_id = @careTeamId ORDER BY patient_id",
            new { careTeamId = staff.CareTeamId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToList();
    }

    private static void ValidateId(string id)
    {
        if (PseudonymousId.Validate(id, "staff id") is { } error)
        {
            throw new ArgumentException(error, nameof(id));
        }
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
