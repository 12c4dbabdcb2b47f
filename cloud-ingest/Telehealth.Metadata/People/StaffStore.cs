using Dapper;
using Telehealth.Ingest.Contracts.Identity;
using Telehealth.Metadata.Database;

namespace Telehealth.Metadata.People;

/// <summary>
/// Therapists (who see their care team's patients) and operators (installers and municipality IT: gateways, fleet).
/// Each has a bearer token, stored as its SHA-256 only, valid for <see cref="DefaultTokenLifetime"/> unless given
/// another lifetime; revoked or expired tokens stop working at once (a new one is issued by creating the person again
/// under a new id, or by the administrator).
/// </summary>
public sealed class StaffStore(MetadataDb db, TimeProvider time)
{
    /// <summary>How long a staff token is valid when no lifetime is given: one year.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromDays(365);

    /// <summary>Creates a therapist in a care team; returns the bearer token (shown once, never stored).</summary>
    public async Task<string> CreateTherapistAsync(string id, string careTeamId, CancellationToken cancellationToken, TimeSpan? lifetime = null)
    {
        ValidateId(id);
        var token = TokenHash.NewToken();
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO therapists (id, care_team_id, token_sha256, created_at, expires_at) VALUES (@id, @careTeamId, @hash, @now, @expires)",
            new { id, careTeamId, hash = TokenHash.Of(token), now = Now(), expires = ExpiresAt(lifetime) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return token;
    }

    /// <summary>Creates an operator; returns the bearer token (shown once, never stored).</summary>
    public async Task<string> CreateOperatorAsync(string id, CancellationToken cancellationToken, TimeSpan? lifetime = null)
    {
        ValidateId(id);
        var token = TokenHash.NewToken();
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO operators (id, token_sha256, created_at, expires_at) VALUES (@id, @hash, @now, @expires)",
            new { id, hash = TokenHash.Of(token), now = Now(), expires = ExpiresAt(lifetime) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
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

    /// <summary>The therapist or operator holding this bearer token, or null (unknown, revoked or expired).</summary>
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
            SELECT 'therapist' AS Kind, id AS Id, care_team_id AS CareTeamId FROM therapists
                WHERE token_sha256 = @hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @now)
            UNION ALL
            SELECT 'operator' AS Kind, id AS Id, NULL AS CareTeamId FROM operators
                WHERE token_sha256 = @hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @now)
            """,
            new { hash, now = Now() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
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

    private long ExpiresAt(TimeSpan? lifetime)
    {
        var valid = lifetime ?? DefaultTokenLifetime;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(valid, TimeSpan.Zero, nameof(lifetime));
        return time.GetUtcNow().Add(valid).ToUnixTimeMilliseconds();
    }
}
