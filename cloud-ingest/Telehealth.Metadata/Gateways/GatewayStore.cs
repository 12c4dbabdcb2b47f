using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Contracts.Identity;
using Telehealth.Metadata.Database;

namespace Telehealth.Metadata.Gateways;

/// <summary>
/// Gateways and their devices (tables <c>gateways</c>, <c>devices</c>). An operator creates a gateway bound to one
/// pseudonymous patient and gets a one-time enrolment code; the gateway exchanges the code for its own secret. Codes
/// and secrets are random and stored as SHA-256 only. A new code replaces a lost or compromised secret when it is
/// exchanged; revocation refuses the gateway at once; rotation stores the new secret as <c>next_*</c> and keeps the old
/// one working until the new one is first used (a lost rotation answer never locks a gateway out).
/// </summary>
public sealed class GatewayStore(MetadataDb db, TimeProvider time, IOptions<EnrolmentOptions> enrolment, IOptions<GatewaySecretOptions> secrets)
{
    private const string DevicesSql = "SELECT device_id AS DeviceId, kind AS Kind, enrolled_at AS EnrolledAt FROM devices WHERE gateway_id = @id AND revoked_at IS NULL ORDER BY device_id";

    /// <summary>
    /// Creates a gateway bound to <paramref name="patientId"/> (the patient row is created if missing) and returns its
    /// one-time enrolment code, or null when a gateway with this id exists already.
    /// </summary>
    public async Task<IssuedCredential?> CreateAsync(string gatewayId, string patientId, CancellationToken cancellationToken)
    {
        ValidateIds(gatewayId, patientId);
        var code = NewCode();
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await EnsurePatientAsync(connection, transaction, patientId, cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO gateways (id, patient_id, enrolment_code_sha256, enrolment_code_expires_at, created_at)
                VALUES (@gatewayId, @patientId, @hash, @expires, @now)
                """,
                new { gatewayId, patientId, hash = TokenHash.Of(code.Value), expires = code.ExpiresAt.ToUnixTimeMilliseconds(), now = Now() },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (DbException ex) when (MetadataDb.IsUniqueViolation(ex))
        {
            return null;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return code;
    }

    /// <summary>
    /// Issues a new one-time enrolment code (replacing any outstanding one). The current secret keeps working until the
    /// code is exchanged; exchanging it replaces the secret (and lifts a revocation). Throws when there is no such gateway.
    /// </summary>
    public async Task<IssuedCredential> IssueCodeAsync(string gatewayId, CancellationToken cancellationToken)
    {
        var code = NewCode();
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE gateways SET enrolment_code_sha256 = @hash, enrolment_code_expires_at = @expires WHERE id = @gatewayId",
            new { gatewayId, hash = TokenHash.Of(code.Value), expires = code.ExpiresAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed > 0 ? code : throw new GatewayNotFoundException(gatewayId);
    }

    /// <summary>Exchanges a one-time enrolment code for a new gateway secret. The code is used up (single use, even under races).</summary>
    public async Task<EnrolmentResult> EnrolAsync(string gatewayId, string code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(gatewayId) || string.IsNullOrEmpty(code) || code.Length > 256)
        {
            return new EnrolmentResult(EnrolmentStatus.InvalidCode);
        }

        var hash = TokenHash.Of(code);
        var now = Now();
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<CodeRow>(new CommandDefinition(
            "SELECT patient_id AS PatientId, enrolment_code_sha256 AS CodeSha256, enrolment_code_expires_at AS CodeExpiresAt FROM gateways WHERE id = @gatewayId",
            new { gatewayId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null || !TokenHash.Matches(hash, row.CodeSha256))
        {
            return new EnrolmentResult(EnrolmentStatus.InvalidCode);
        }

        if (row.CodeExpiresAt is { } expires && expires <= now)
        {
            return new EnrolmentResult(EnrolmentStatus.CodeExpired, row.PatientId);
        }

        var secret = NewSecret();
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE gateways SET secret_sha256 = @secretHash, secret_expires_at = @secretExpires, next_secret_sha256 = NULL,
                next_secret_expires_at = NULL, enrolment_code_sha256 = NULL, enrolment_code_expires_at = NULL, enrolled_at = @now, revoked_at = NULL
            WHERE id = @gatewayId AND enrolment_code_sha256 = @hash
            """,
            new { gatewayId, hash, secretHash = TokenHash.Of(secret.Value), secretExpires = secret.ExpiresAt.ToUnixTimeMilliseconds(), now },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed > 0
            ? new EnrolmentResult(EnrolmentStatus.Enrolled, row.PatientId, secret)
            : new EnrolmentResult(EnrolmentStatus.InvalidCode);
    }

    /// <summary>
    /// Checks a gateway's secret. A match with the rotated (next) secret promotes it to current, retiring the old one.
    /// </summary>
    public async Task<GatewayAuthResult> AuthenticateAsync(string gatewayId, string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(gatewayId) || string.IsNullOrEmpty(secret) || secret.Length > 256 || gatewayId.Length > 64)
        {
            return new GatewayAuthResult(GatewayAuthStatus.Unknown, gatewayId);
        }

        var hash = TokenHash.Of(secret);
        var now = Now();
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<SecretRow>(new CommandDefinition(
            """
            SELECT patient_id AS PatientId, secret_sha256 AS SecretSha256, secret_expires_at AS SecretExpiresAt,
                   next_secret_sha256 AS NextSecretSha256, next_secret_expires_at AS NextSecretExpiresAt, revoked_at AS RevokedAt
            FROM gateways WHERE id = @gatewayId
            """,
            new { gatewayId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null)
        {
            return new GatewayAuthResult(GatewayAuthStatus.Unknown, gatewayId);
        }

        var isNext = TokenHash.Matches(hash, row.NextSecretSha256);
        if (!isNext && !TokenHash.Matches(hash, row.SecretSha256))
        {
            return new GatewayAuthResult(GatewayAuthStatus.Unknown, gatewayId);
        }

        if (row.RevokedAt is not null)
        {
            return new GatewayAuthResult(GatewayAuthStatus.Revoked, gatewayId, row.PatientId);
        }

        var expiresAt = isNext ? row.NextSecretExpiresAt : row.SecretExpiresAt;
        if (expiresAt is { } expires && expires <= now)
        {
            return new GatewayAuthResult(GatewayAuthStatus.Expired, gatewayId, row.PatientId);
        }

        if (isNext)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE gateways SET secret_sha256 = next_secret_sha256, secret_expires_at = next_secret_expires_at,
                    next_secret_sha256 = NULL, next_secret_expires_at = NULL
                WHERE id = @gatewayId AND next_secret_sha256 = @hash
                """,
                new { gatewayId, hash }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var devices = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT device_id FROM devices WHERE gateway_id = @id AND revoked_at IS NULL", new { id = gatewayId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new GatewayAuthResult(GatewayAuthStatus.Authenticated, gatewayId, row.PatientId, devices.ToHashSet(StringComparer.Ordinal),
            expiresAt is { } e ? DateTimeOffset.FromUnixTimeMilliseconds(e) : null);
    }

    /// <summary>
    /// Issues a rotated secret for an authenticated gateway, stored as the next secret: the current one keeps working
    /// until the new one is first used. Asking again before that replaces the pending one.
    /// </summary>
    public async Task<IssuedCredential> RotateAsync(string gatewayId, CancellationToken cancellationToken)
    {
        var secret = NewSecret();
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE gateways SET next_secret_sha256 = @hash, next_secret_expires_at = @expires WHERE id = @gatewayId AND revoked_at IS NULL",
            new { gatewayId, hash = TokenHash.Of(secret.Value), expires = secret.ExpiresAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed > 0 ? secret : throw new GatewayNotFoundException(gatewayId);
    }

    /// <summary>Revokes a gateway: its secrets and any outstanding code stop working at once. False when there is no such gateway.</summary>
    public async Task<bool> RevokeAsync(string gatewayId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE gateways SET revoked_at = COALESCE(revoked_at, @now), enrolment_code_sha256 = NULL, enrolment_code_expires_at = NULL
            WHERE id = @gatewayId
            """,
            new { gatewayId, now = Now() }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    /// <summary>Enrols a device on a gateway (again, if it was removed). False when there is no such gateway.</summary>
    public async Task<bool> AddDeviceAsync(string gatewayId, string deviceId, string? kind, CancellationToken cancellationToken)
    {
        if (DeviceId.Validate(deviceId) is { } error)
        {
            throw new ArgumentException(error, nameof(deviceId));
        }

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!await ExistsAsync(connection, gatewayId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO devices (gateway_id, device_id, kind, enrolled_at) VALUES (@gatewayId, @deviceId, @kind, @now)
            ON CONFLICT (gateway_id, device_id) DO UPDATE SET kind = COALESCE(excluded.kind, devices.kind), enrolled_at = excluded.enrolled_at, revoked_at = NULL
            """,
            new { gatewayId, deviceId, kind, now = Now() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return true;
    }

    /// <summary>Removes a device from a gateway (its readings are refused from now on). False when it was not enrolled.</summary>
    public async Task<bool> RemoveDeviceAsync(string gatewayId, string deviceId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE devices SET revoked_at = @now WHERE gateway_id = @gatewayId AND device_id = @deviceId AND revoked_at IS NULL",
            new { gatewayId, deviceId, now = Now() }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    /// <summary>The gateway without secrets, or null.</summary>
    public async Task<GatewayRecord?> GetAsync(string gatewayId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<GatewayRow>(new CommandDefinition(
            """
            SELECT id AS Id, patient_id AS PatientId, created_at AS CreatedAt, enrolled_at AS EnrolledAt, secret_expires_at AS SecretExpiresAt,
                   next_secret_sha256 AS NextSecretSha256, enrolment_code_expires_at AS CodeExpiresAt, revoked_at AS RevokedAt
            FROM gateways WHERE id = @gatewayId
            """,
            new { gatewayId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var devices = await connection.QueryAsync<DeviceRow>(new CommandDefinition(DevicesSql, new { id = gatewayId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new GatewayRecord(row.Id, row.PatientId, At(row.CreatedAt), AtOrNull(row.EnrolledAt), AtOrNull(row.SecretExpiresAt),
            row.NextSecretSha256 is not null, AtOrNull(row.CodeExpiresAt), AtOrNull(row.RevokedAt),
            devices.Select(d => new EnrolledDevice(d.DeviceId, d.Kind, At(d.EnrolledAt))).ToList());
    }

    /// <summary>
    /// Upserts a gateway from configuration (development, tests, scripts): patient created if missing, the binding and
    /// the secret hash set (valid for the configured lifetime from now), the listed devices enrolled. A revocation stays.
    /// </summary>
    public async Task SeedAsync(string gatewayId, string patientId, string secretSha256, IReadOnlyList<string> devices, CancellationToken cancellationToken)
    {
        ValidateIds(gatewayId, patientId);
        ArgumentNullException.ThrowIfNull(devices);
        var now = Now();
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await EnsurePatientAsync(connection, transaction, patientId, cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO gateways (id, patient_id, secret_sha256, secret_expires_at, created_at, enrolled_at)
            VALUES (@gatewayId, @patientId, @hash, @expires, @now, @now)
            ON CONFLICT (id) DO UPDATE SET patient_id = excluded.patient_id, secret_sha256 = excluded.secret_sha256,
                secret_expires_at = excluded.secret_expires_at, next_secret_sha256 = NULL, next_secret_expires_at = NULL
            """,
            new { gatewayId, patientId, hash = secretSha256.ToLowerInvariant(), expires = now + (long)SecretLifetime.TotalMilliseconds, now },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var deviceId in devices)
        {
            if (DeviceId.Validate(deviceId) is { } error)
            {
                throw new ArgumentException(error, nameof(devices));
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO devices (gateway_id, device_id, enrolled_at) VALUES (@gatewayId, @deviceId, @now) ON CONFLICT (gateway_id, device_id) DO UPDATE SET revoked_at = NULL",
                new { gatewayId, deviceId, now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private TimeSpan SecretLifetime => TimeSpan.FromDays(secrets.Value.SecretLifetimeDays);

    private async Task EnsurePatientAsync(DbConnection connection, DbTransaction transaction, string patientId, CancellationToken cancellationToken)
        => await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO patients (id, created_at) VALUES (@patientId, @now) ON CONFLICT (id) DO NOTHING",
            new { patientId, now = Now() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

    private static async Task<bool> ExistsAsync(DbConnection connection, string gatewayId, CancellationToken cancellationToken)
        => await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM gateways WHERE id = @gatewayId", new { gatewayId }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;

    private static void ValidateIds(string gatewayId, string patientId)
    {
        if (PseudonymousId.Validate(gatewayId, "gateway id") is { } gatewayError)
        {
            throw new ArgumentException(gatewayError, nameof(gatewayId));
        }

        if (PseudonymousId.Validate(patientId, "patient id") is { } patientError)
        {
            throw new ArgumentException(patientError, nameof(patientId));
        }
    }

    private IssuedCredential NewCode() => new(TokenHash.NewToken(), time.GetUtcNow().AddHours(enrolment.Value.CodeLifetimeHours));

    private IssuedCredential NewSecret() => new(TokenHash.NewToken(), time.GetUtcNow() + SecretLifetime);

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? AtOrNull(long? ms) => ms is { } v ? At(v) : null;

    private sealed class CodeRow
    {
        public string PatientId { get; set; } = "";

        public string? CodeSha256 { get; set; }

        public long? CodeExpiresAt { get; set; }
    }

    private sealed class SecretRow
    {
        public string PatientId { get; set; } = "";

        public string? SecretSha256 { get; set; }

        public long? SecretExpiresAt { get; set; }

        public string? NextSecretSha256 { get; set; }

        public long? NextSecretExpiresAt { get; set; }

        public long? RevokedAt { get; set; }
    }

    private sealed class GatewayRow
    {
        public string Id { get; set; } = "";

        public string PatientId { get; set; } = "";

        public long CreatedAt { get; set; }

        public long? EnrolledAt { get; set; }

        public long? SecretExpiresAt { get; set; }

        public string? NextSecretSha256 { get; set; }

        public long? CodeExpiresAt { get; set; }

        public long? RevokedAt { get; set; }
    }

    private sealed class DeviceRow
    {
        public string DeviceId { get; set; } = "";

        public string? Kind { get; set; }

        public long EnrolledAt { get; set; }
    }
}
