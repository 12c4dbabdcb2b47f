using Dapper;
using Telehealth.Metadata.Database;
using Telehealth.Metadata.People;

namespace Telehealth.IntegrationTests.Fleet;

/// <summary>
/// Puts patients, gateways, an operator and a therapist straight into a metadata database with SQL (the enrolment
/// store is another feature), for fleet tests.
/// </summary>
public static class FleetSeed
{
    /// <summary>Inserts (or overwrites, e.g. a gateway seeded from configuration) a patient and a gateway bound to it; <paramref name="secret"/> is stored as its SHA-256.</summary>
    public static async Task AddGatewayAsync(MetadataDb db, string gatewayId, string patientId, long createdAtMs, CancellationToken cancellationToken,
        string? secret = null, long? revokedAtMs = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        await new PatientStore(db, TimeProvider.System).UpsertAsync(patientId, null, 60, null, cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO gateways (id, patient_id, secret_sha256, created_at, enrolled_at, revoked_at)
            VALUES (@gatewayId, @patientId, @hash, @createdAtMs, @createdAtMs, @revokedAtMs)
            ON CONFLICT (id) DO UPDATE SET patient_id = excluded.patient_id, secret_sha256 = excluded.secret_sha256,
                created_at = excluded.created_at, enrolled_at = excluded.enrolled_at, revoked_at = excluded.revoked_at
            """,
            new { gatewayId, patientId, hash = secret is null ? null : TokenHash.Of(secret), createdAtMs, revokedAtMs }, cancellationToken: cancellationToken));
    }

    /// <summary>Creates an operator and a therapist (in a care team of its own); returns their bearer tokens.</summary>
    public static async Task<(string Operator, string Therapist)> AddStaffAsync(MetadataDb db, CancellationToken cancellationToken)
    {
        var staff = new StaffStore(db, TimeProvider.System);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await new PatientStore(db, TimeProvider.System).CreateCareTeamAsync("team-" + suffix, "Team", cancellationToken);
        return (await staff.CreateOperatorAsync("op-" + suffix, cancellationToken), await staff.CreateTherapistAsync("th-" + suffix, "team-" + suffix, cancellationToken));
    }
}
