using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Enrolment;

namespace Telehealth.IntegrationTests.Authorization;

/// <summary>
/// Every endpoint that needs a credential × credentials {none, wrong, expired, revoked, another gateway's (or the wrong
/// kind)} × target {own, other gateway/patient}, against the real ingest process: each attempt is refused with its
/// status and RFC 9457 problem details, writes nothing (metadata tables, InfluxDB points and heartbeats unchanged) and
/// leaves exactly one audit row (outcome denied).
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationWorld world) : IClassFixture<AuthorizationWorld>
{
    /// <summary>Each (endpoint, credential, target) of the matrix; the credential set follows the endpoint's kind.</summary>
    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in EndpointTable.Rows)
        {
            foreach (var credential in CredentialNames(row.Kind))
            {
                foreach (var target in credential == "valid" ? new[] { "other" } : ["own", "other"])
                {
                    data.Add(row.Name, credential, target);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Attempt_IsRefused_WritesNothing_AndIsAudited(string endpoint, string credentialName, string target)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var row = EndpointTable.Get(endpoint);
        var credential = world.Credentials.Single(c => c.Kind == row.Kind && c.Name == credentialName);
        var aim = target == "own" ? credential.Own : credential.Other;
        var expected = credential.Name == "valid" ? row.ValidOnOtherStatus : credential.Status;
        var before = await world.SnapshotAsync(timeout.Token);
        var auditBefore = await world.AuditAsync(timeout.Token);

        using var response = await world.SendAsync(row, credential, aim, timeout.Token);

        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        Assert.True((int)response.StatusCode == expected, $"{row} as {credentialName} on {target}: expected {expected}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(expected, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(expected == 401 ? "Unauthenticated" : "Forbidden", problem.RootElement.GetProperty("title").GetString());
        if (credential.DetailContains is { } word && target == "own") // an expired code presented for another gateway is merely wrong
        {
            Assert.Contains(word, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await world.SnapshotAsync(timeout.Token));
        var auditAfter = await world.AuditAsync(timeout.Token);
        Assert.Equal(auditBefore.Count + 1, auditAfter.Count);
        Assert.Equal("denied", auditAfter.Outcome);
        Assert.False(string.IsNullOrEmpty(auditAfter.Reason));
        Assert.Contains("Security: refused", world.Pipeline.Ingest.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchWithAnUnenrolledDevice_Gets403ListingIt_AndNothingIsWritten()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var credential = world.Credentials.Single(c => c.Kind == CredentialKind.Gateway && c.Name == "valid");
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var batch = new IngestBatch(AuthorizationWorld.A.GatewayId, AuthorizationWorld.A.PatientId,
        [
            new IngestReading(1, AuthorizationWorld.A.DeviceId, "heart_rate", "/min", now - 100, now, new Dictionary<string, double> { ["value"] = 70 }),
            new IngestReading(2, "dev-stranger", "heart_rate", "/min", now - 90, now, new Dictionary<string, double> { ["value"] = 71 }),
            new IngestReading(3, AuthorizationWorld.B.DeviceId, "heart_rate", "/min", now - 80, now, new Dictionary<string, double> { ["value"] = 72 }),
        ]);
        var row = EndpointTable.Get("batches") with { Body = _ => JsonContent.Create(batch, IngestJsonContext.Default.IngestBatch) };
        var before = await world.SnapshotAsync(timeout.Token);
        var auditBefore = await world.AuditAsync(timeout.Token);

        using var response = await world.SendAsync(row, credential, AuthorizationWorld.A, timeout.Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token));
        Assert.Equal(["dev-b", "dev-stranger"],
            problem.RootElement.GetProperty(UnenrolledDevicesProblem.ExtensionName).EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(before, await world.SnapshotAsync(timeout.Token));
        var audit = await world.AuditAsync(timeout.Token);
        Assert.Equal((auditBefore.Count + 1, "denied", "devices-not-enrolled"), (audit.Count, audit.Outcome, audit.Reason));
    }

    [Fact]
    public async Task ValidCredentials_OnTheirOwnData_AreAccepted()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var gateway = world.Credentials.Single(c => c.Kind == CredentialKind.Gateway && c.Name == "valid");
        var batchRow = EndpointTable.Get("batches");

        using (var response = await world.SendAsync(batchRow, gateway, AuthorizationWorld.A, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var response = await world.AdminAsync(HttpMethod.Get, $"{IngestRoutes.AdminGateways}/{AuthorizationWorld.A.GatewayId}", null, timeout.Token))
        {
            var record = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            Assert.Equal(AuthorizationWorld.A.PatientId, record.GetProperty("patientId").GetString());
            Assert.Equal(AuthorizationWorld.A.DeviceId, record.GetProperty("devices")[0].GetProperty("deviceId").GetString());
            Assert.DoesNotContain("sha256", record.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }

        var audit = await world.AuditAsync(timeout.Token);
        Assert.Equal(("allowed", "admin.gateways.read"), (audit.Outcome, audit.Action));
    }

    [Fact]
    public async Task EveryEndpointOfTheTable_IsInTheOpenApiDocument()
    {
        using var document = JsonDocument.Parse(await world.Http.GetStringAsync(new Uri(world.Pipeline.IngestUrl, "/openapi/v1.json")));
        var paths = document.RootElement.GetProperty("paths");

        var documented = paths.EnumerateObject().ToDictionary(p => EndpointRow.OpenApiShape(p.Name), p => p.Value, StringComparer.Ordinal);

        Assert.All(EndpointTable.Rows, row =>
        {
            Assert.True(documented.TryGetValue(row.OpenApiPath, out var path), $"{row.RouteTemplate} is not in the OpenAPI document");
            Assert.True(path.TryGetProperty(row.Method.Method.ToLowerInvariant(), out _), $"{row} is not in the OpenAPI document");
        });
    }

    private static string[] CredentialNames(CredentialKind kind) => kind switch
    {
        CredentialKind.Operator => ["none", "wrong", "expired", "revoked", "other-gateways", "therapist"],
        CredentialKind.Therapist => ["none", "wrong", "expired", "revoked", "other-gateways", "operator", "valid"],
        _ => ["none", "wrong", "expired", "revoked", "other-gateways", "valid"],
    };
}
