using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Telehealth.Ingest.Contracts.Heartbeats;
using Telehealth.IntegrationTests.Fixtures;
using Telehealth.Metadata;
using Telehealth.Metadata.Audit;

namespace Telehealth.IntegrationTests.Fleet;

/// <summary>The fleet API of a real ingest process over a real SQLite file and a real PostgreSQL database.</summary>
public sealed class FleetApiTests
{
    private static readonly long Now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task Operator_SeesEveryGatewayWithStateAndWarnings_FiltersByState_AndReadsHistory(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var (operatorToken, _) = await FleetSeed.AddStaffAsync(database.Db, timeout.Token);
        await using var ingest = await IngestInstances.StartAsync(1, database.Settings, timeout.Token, new Dictionary<string, string> { ["Fleet__MinimumVersion"] = "2.0" });
        await FleetSeed.AddGatewayAsync(database.Db, ingest.GatewayId, ingest.PatientId, Now - 86_400_000, timeout.Token, secret: ingest.Secret);
        await FleetSeed.AddGatewayAsync(database.Db, "gw-never-seen", "patient-never", Now - 86_400_000, timeout.Token);
        await FleetSeed.AddGatewayAsync(database.Db, "gw-revoked", "patient-revoked", Now - 86_400_000, timeout.Token, revokedAtMs: Now - 3_600_000);

        using (var posted = await ingest.PostHeartbeatAsync(0, ingest.Heartbeat(deadLetters: 4), timeout.Token))
        {
            Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync(timeout.Token) + ingest.Logs);
            Assert.True((await posted.Content.ReadFromJsonAsync<HeartbeatAck>(timeout.Token))!.ServerTimeMs >= Now);
        }

        var all = await GetJsonAsync(ingest, "/api/v1/fleet/gateways", operatorToken, timeout.Token);
        var gateways = all.GetProperty("gateways").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetString()!);
        Assert.Equal(180, all.GetProperty("silentAfterSeconds").GetInt32());
        Assert.Equal(3, gateways.Count);
        Assert.Equal("ok", gateways[ingest.GatewayId].GetProperty("state").GetString());
        Assert.Equal(["dead_letters", "old_version"], gateways[ingest.GatewayId].GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(ingest.PatientId, gateways[ingest.GatewayId].GetProperty("patientId").GetString());
        Assert.Equal(12, gateways[ingest.GatewayId].GetProperty("latest").GetProperty("heartbeat").GetProperty("bufferedReadings").GetInt64());
        Assert.Equal("never_seen", gateways["gw-never-seen"].GetProperty("state").GetString());
        Assert.Equal("revoked", gateways["gw-revoked"].GetProperty("state").GetString());

        var neverSeen = await GetJsonAsync(ingest, "/api/v1/fleet/gateways?state=never_seen", operatorToken, timeout.Token);
        Assert.Equal(["gw-never-seen"], neverSeen.GetProperty("gateways").EnumerateArray().Select(g => g.GetProperty("id").GetString()));
        var silent = await GetJsonAsync(ingest, "/api/v1/fleet/gateways?state=silent", operatorToken, timeout.Token);
        Assert.Empty(silent.GetProperty("gateways").EnumerateArray());

        var detail = await GetJsonAsync(ingest, $"/api/v1/fleet/gateways/{ingest.GatewayId}", operatorToken, timeout.Token);
        Assert.Equal("ok", detail.GetProperty("gateway").GetProperty("state").GetString());
        var history = Assert.Single(detail.GetProperty("history").EnumerateArray());
        Assert.Equal(4, history.GetProperty("heartbeat").GetProperty("deadLetters").GetInt64());

        using (var unknownState = await ingest.GetAsync(0, "/api/v1/fleet/gateways?state=sleepy", operatorToken, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknownState.StatusCode);
            Assert.Equal("application/problem+json", unknownState.Content.Headers.ContentType?.MediaType);
        }

        using (var unknownGateway = await ingest.GetAsync(0, "/api/v1/fleet/gateways/gw-nobody", operatorToken, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknownGateway.StatusCode);
            Assert.Equal("application/problem+json", unknownGateway.Content.Headers.ContentType?.MediaType);
        }

        var audit = await new AuditLog(database.Db).RecentAsync(50, timeout.Token);
        Assert.Contains(audit, e => e is { ActorKind: "operator", Action: "fleet.gateways.read", Outcome: AuditOutcome.Allowed } && e.PatientId == ingest.PatientId);
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task AnyoneButAnOperator_IsRefused_AndTheRefusalIsAudited(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var (_, therapistToken) = await FleetSeed.AddStaffAsync(database.Db, timeout.Token);
        await using var ingest = await IngestInstances.StartAsync(1, database.Settings, timeout.Token);
        await FleetSeed.AddGatewayAsync(database.Db, "gw-some", "patient-some", Now, timeout.Token);

        var refusals = new (string Path, string? Token, HttpStatusCode Expected)[]
        {
            ("/api/v1/fleet/gateways", null, HttpStatusCode.Unauthorized),
            ("/api/v1/fleet/gateways", "not-a-token", HttpStatusCode.Unauthorized),
            ("/api/v1/fleet/gateways", ingest.Secret, HttpStatusCode.Unauthorized), // a gateway's secret is no staff token
            ("/api/v1/fleet/gateways", therapistToken, HttpStatusCode.Forbidden),
            ("/api/v1/fleet/gateways/gw-some", null, HttpStatusCode.Unauthorized),
            ("/api/v1/fleet/gateways/gw-some", therapistToken, HttpStatusCode.Forbidden),
        };
        foreach (var (path, token, expected) in refusals)
        {
            using var response = await ingest.GetAsync(0, path, token, timeout.Token);
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("patient-some", await response.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
        }

        var denied = (await new AuditLog(database.Db).RecentAsync(50, timeout.Token)).Where(e => e.Outcome == AuditOutcome.Denied).ToList();
        Assert.Equal(refusals.Length, denied.Count);
        Assert.Equal(4, denied.Count(e => e.ActorKind == "anonymous"));
        Assert.Equal(2, denied.Count(e => e.ActorKind == "therapist" && e.ActorId is not null));
        Assert.Equal(2, denied.Count(e => e is { Action: "fleet.gateways.read", PatientId: "patient-some" }));
        Assert.Contains("Security: refused fleet.gateways.list", ingest.Logs, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> GetJsonAsync(IngestInstances ingest, string path, string token, CancellationToken cancellationToken)
    {
        using var response = await ingest.GetAsync(0, path, token, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {body}\n{ingest.Logs}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
