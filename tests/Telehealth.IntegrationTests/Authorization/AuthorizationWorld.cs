using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Enrolment;
using Telehealth.Metadata;
using Telehealth.Metadata.Database;
using Telehealth.Metadata.People;

namespace Telehealth.IntegrationTests.Authorization;

/// <summary>
/// A real ingest process (SQLite metadata, real influxd) holding: gateways A and B bound to patients pa and pb, E
/// (secret expired), R (revoked) and X (enrolment code expired), each with one enrolled device; outstanding codes for
/// A and B; an operator, a revoked operator and a therapist. Built through the real APIs, then expiry set in the
/// database (no clock can be moved inside another process).
/// </summary>
public sealed class AuthorizationWorld : IAsyncLifetime
{
    public static readonly RequestTarget A = new("gw-mx-a", "patient-mx-a", "dev-a");
    public static readonly RequestTarget B = new("gw-mx-b", "patient-mx-b", "dev-b");
    public static readonly RequestTarget E = new("gw-mx-e", "patient-mx-e", "dev-e");
    public static readonly RequestTarget R = new("gw-mx-r", "patient-mx-r", "dev-r");
    public static readonly RequestTarget X = new("gw-mx-x", "patient-mx-x", "dev-x");

    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);

    public Fixtures.Pipeline Pipeline { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public MetadataDb Db { get; private set; } = null!;

    public string OperatorToken { get; private set; } = "";

    public IReadOnlyList<MatrixCredential> Credentials { get; private set; } = [];

    public string SecretOf(RequestTarget gateway) => _secrets[gateway.GatewayId];

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        Pipeline = await Fixtures.Pipeline.StartAsync(withGateway: false, ingestSettings: new Dictionary<string, string>
        {
            ["Intake__RequestsPerSecondPerGateway"] = "100000",
            ["Intake__BurstPerGateway"] = "100000",
        }, cancellationToken: ct);
        Db = new MetadataDb(Options.Create(new MetadataOptions { ConnectionString = $"Data Source={Path.Combine(Pipeline.Directory, "metadata.db")}" }));
        var staff = new StaffStore(Db, TimeProvider.System);
        OperatorToken = await staff.CreateOperatorAsync("op-matrix", ct);
        var revokedOperator = await staff.CreateOperatorAsync("op-matrix-revoked", ct);
        await staff.RevokeAsync(StaffMember.OperatorKind, "op-matrix-revoked", ct);
        var patients = new PatientStore(Db, TimeProvider.System);
        await patients.CreateCareTeamAsync("team-mx", "Matrix team", ct);
        await patients.CreateCareTeamAsync("team-mx-other", "Other team", ct);
        var therapist = await staff.CreateTherapistAsync("th-matrix", "team-mx", ct);
        var revokedTherapist = await staff.CreateTherapistAsync("th-matrix-revoked", "team-mx", ct);
        await staff.RevokeAsync(StaffMember.TherapistKind, "th-matrix-revoked", ct);
        var expiredOperator = await staff.CreateOperatorAsync("op-matrix-expired", ct);
        var expiredTherapist = await staff.CreateTherapistAsync("th-matrix-expired", "team-mx", ct);

        foreach (var gateway in new[] { A, B, E, R, X })
        {
            using var created = await AdminAsync(HttpMethod.Post, IngestRoutes.AdminGateways, JsonContent.Create(new { id = gateway.GatewayId, patientId = gateway.PatientId }), ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var code = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("enrolmentCode").GetString()!;
            using (await AdminAsync(HttpMethod.Put, $"{IngestRoutes.AdminGateways}/{gateway.GatewayId}/devices/{gateway.DeviceId}", null, ct))
            {
            }

            if (gateway == X)
            {
                _codes[X.GatewayId] = code;
                continue;
            }

            using var enrolled = await Http.PostAsync(new Uri(Pipeline.IngestUrl, IngestRoutes.Enrolment), EndpointTable.Enrolment(gateway.GatewayId, code), ct);
            Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
            _secrets[gateway.GatewayId] = (await enrolled.Content.ReadFromJsonAsync(EnrolmentJsonContext.Default.GatewaySecretIssued, ct))!.Secret;
            if (gateway == A || gateway == B || gateway == R)
            {
                using var issued = await AdminAsync(HttpMethod.Post, $"{IngestRoutes.AdminGateways}/{gateway.GatewayId}/enrolment-code", null, ct);
                _codes[gateway.GatewayId] = (await issued.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("enrolmentCode").GetString()!;
            }
        }

        using (var revoked = await AdminAsync(HttpMethod.Post, $"{IngestRoutes.AdminGateways}/{R.GatewayId}/revoke", null, ct))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        await using (var connection = await Db.OpenAsync(ct))
        {
            await connection.ExecuteAsync("UPDATE gateways SET secret_expires_at = 1 WHERE id = @id", new { id = E.GatewayId });
            await connection.ExecuteAsync("UPDATE gateways SET enrolment_code_expires_at = 1 WHERE id = @id", new { id = X.GatewayId });
            await connection.ExecuteAsync("UPDATE operators SET expires_at = 1 WHERE id = 'op-matrix-expired'");
            await connection.ExecuteAsync("UPDATE therapists SET expires_at = 1 WHERE id = 'th-matrix-expired'");
        }

        // Patient A is in the therapists' team, B in another; each has an open alert.
        await patients.AssignAsync("team-mx", A.PatientId, ct);
        await patients.AssignAsync("team-mx-other", B.PatientId, ct);
        var alerts = new Telehealth.Metadata.Alerts.AlertStore(Db, TimeProvider.System);
        var now = TimeProvider.System.GetUtcNow();
        var ownAlert = A with { AlertId = (await Alerting.AlertingSeed.OpenAsync(alerts, A.PatientId, Telehealth.Alerts.Rules.RuleIds.BloodPressure, now, ct)).Id };
        var otherAlert = B with { AlertId = (await Alerting.AlertingSeed.OpenAsync(alerts, B.PatientId, Telehealth.Alerts.Rules.RuleIds.BloodPressure, now, ct)).Id };

        var random = TokenHash.NewToken();
        Credentials =
        [
            new("none", CredentialKind.Gateway, null, null, A, B),
            new("wrong", CredentialKind.Gateway, A.GatewayId, random, A, B),
            new("expired", CredentialKind.Gateway, E.GatewayId, _secrets[E.GatewayId], E, B, DetailContains: "expired"),
            new("revoked", CredentialKind.Gateway, R.GatewayId, _secrets[R.GatewayId], R, B, DetailContains: "revoked"),
            new("other-gateways", CredentialKind.Gateway, A.GatewayId, _secrets[B.GatewayId], A, B),
            new("valid", CredentialKind.Gateway, A.GatewayId, _secrets[A.GatewayId], A, B, 403) { OnlyOther = true },
            new("none", CredentialKind.EnrolmentCode, null, "", A, B),
            new("wrong", CredentialKind.EnrolmentCode, null, random, A, B),
            new("expired", CredentialKind.EnrolmentCode, null, _codes[X.GatewayId], X, B, DetailContains: "expired"),
            new("revoked", CredentialKind.EnrolmentCode, null, _codes[R.GatewayId], R, B),
            new("other-gateways", CredentialKind.EnrolmentCode, null, _codes[B.GatewayId], A, E),
            new("valid", CredentialKind.EnrolmentCode, null, _codes[A.GatewayId], A, B) { OnlyOther = true },
            new("none", CredentialKind.Operator, null, null, A, B),
            new("wrong", CredentialKind.Operator, null, random, A, B),
            new("revoked", CredentialKind.Operator, null, revokedOperator, A, B),
            new("expired", CredentialKind.Operator, null, expiredOperator, A, B),
            new("other-gateways", CredentialKind.Operator, null, _secrets[A.GatewayId], A, B),
            new("therapist", CredentialKind.Operator, null, therapist, A, B, 403),
            new("none", CredentialKind.Therapist, null, null, ownAlert, otherAlert),
            new("wrong", CredentialKind.Therapist, null, random, ownAlert, otherAlert),
            new("revoked", CredentialKind.Therapist, null, revokedTherapist, ownAlert, otherAlert),
            new("expired", CredentialKind.Therapist, null, expiredTherapist, ownAlert, otherAlert),
            new("other-gateways", CredentialKind.Therapist, null, _secrets[A.GatewayId], ownAlert, otherAlert),
            new("operator", CredentialKind.Therapist, null, OperatorToken, ownAlert, otherAlert, 403),
            new("valid", CredentialKind.Therapist, null, therapist, ownAlert, otherAlert, 403) { OnlyOther = true },
        ];
    }

    /// <summary>Sends <paramref name="row"/> as <paramref name="credential"/> against <paramref name="target"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(EndpointRow row, MatrixCredential credential, RequestTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(credential);
        using var request = new HttpRequestMessage(row.Method, new Uri(Pipeline.IngestUrl, row.Route(target)))
        {
            Content = credential.Kind == CredentialKind.EnrolmentCode ? EndpointTable.Enrolment(target.GatewayId, credential.Secret ?? "") : row.Body(target),
        };
        if (credential.GatewayId is not null)
        {
            request.Headers.Add(IngestRoutes.GatewayIdHeader, credential.GatewayId);
        }

        if (credential.Kind != CredentialKind.EnrolmentCode && credential.Secret is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential.Secret);
        }

        return await Http.SendAsync(request, cancellationToken);
    }

    /// <summary>Calls the admin API as the operator.</summary>
    public async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(Pipeline.IngestUrl, path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OperatorToken);
        return await Http.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// Everything a refused call must leave alone: every metadata table except the audit log (rows in a stable order),
    /// the number of points in InfluxDB, and whether gateways A and B have a heartbeat.
    /// </summary>
    public async Task<string> SnapshotAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        await using (var connection = await Db.OpenAsync(cancellationToken))
        {
            var tables = await connection.QueryAsync<string>(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit_log', 'schema_migrations') AND name NOT LIKE 'sqlite_%' ORDER BY name");
            foreach (var table in tables)
            {
                text.Append(CultureInfo.InvariantCulture, $"[{table}]\n");
                foreach (IDictionary<string, object?> row in await connection.QueryAsync($"SELECT * FROM \"{table}\" ORDER BY 1, 2"))
                {
                    text.AppendJoin('|', row.Select(kv => $"{kv.Key}={kv.Value}")).Append('\n');
                }
            }
        }

        var points = await Pipeline.Query.QueryAsync(Pipeline.Database, "SELECT count(\"received_ms\") FROM /.*/", cancellationToken);
        text.Append(CultureInfo.InvariantCulture, $"[influx] {string.Join(",", points.Series.Select(s => s.Name + "=" + string.Join("/", s.Values.Select(v => v[1].GetRawText()))))}\n");
        foreach (var gateway in new[] { A, B })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Pipeline.IngestUrl, $"/api/v1/gateways/{gateway.GatewayId}/heartbeat"));
            request.Headers.Add(IngestRoutes.GatewayIdHeader, gateway.GatewayId);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _secrets[gateway.GatewayId]);
            using var response = await Http.SendAsync(request, cancellationToken);
            text.Append(CultureInfo.InvariantCulture, $"[heartbeat {gateway.GatewayId}] {(int)response.StatusCode}\n");
        }

        return text.ToString();
    }

    /// <summary>The number of audit rows and the newest one.</summary>
    public async Task<(long Count, string? Outcome, string? Reason, string? Action)> AuditAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Db.OpenAsync(cancellationToken);
        var count = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log");
        var last = await connection.QuerySingleOrDefaultAsync<(string Outcome, string? Reason, string Action)>(
            "SELECT outcome, reason, action FROM audit_log ORDER BY id DESC LIMIT 1");
        return (count, last.Outcome, last.Reason, last.Action);
    }

    public async Task DisposeAsync()
    {
        await Db.DisposeAsync();
        await Pipeline.DisposeAsync();
        Http.Dispose();
    }
}
