using System.Net;
using System.Text.Json;
using Dapper;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.IntegrationTests.Fixtures;
using Telehealth.IntegrationTests.Fleet;
using Telehealth.Metadata;

namespace Telehealth.IntegrationTests.Stateless;

/// <summary>
/// Two ingest processes against the same real influxd and the same real PostgreSQL database: they migrate together,
/// and either one serves the same gateway with the same outcome.
/// </summary>
public sealed class TwoInstancesTests
{
    private static readonly long Now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

    [Fact]
    public async Task TwoInstances_MigrateTogether_StoreEveryBatchOnce_AndShareHeartbeats()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var database = await MetadataDatabase.CreateAsync(MetadataProvider.PostgreSql, timeout.Token, migrate: false);

        // both start at once on an empty database: each migrates at start, the advisory lock serialises them
        await using var ingest = await IngestInstances.StartAsync(2, database.Settings, timeout.Token);

        await using (var connection = await database.Db.OpenAsync(timeout.Token))
        {
            Assert.Equal(database.Migrator().Known.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
        }

        for (var i = 0; i < 2; i++)
        {
            using var ready = await ingest.GetAsync(i, "/readyz", null, timeout.Token);
            Assert.True(ready.StatusCode == HttpStatusCode.OK, $"instance {i}: {await ready.Content.ReadAsStringAsync(timeout.Token)}");
        }

        // batch 1 to A, batch 2 to B, then each replayed to the other instance, and batch 3 to both at the same moment
        var first = Batch(ingest, 1, 20);
        var second = Batch(ingest, 21, 40);
        var third = Batch(ingest, 41, 60);
        await PostOkAsync(ingest, 0, first, timeout.Token);
        await PostOkAsync(ingest, 1, second, timeout.Token);
        await PostOkAsync(ingest, 1, first, timeout.Token);
        await PostOkAsync(ingest, 0, second, timeout.Token);
        await Task.WhenAll(PostOkAsync(ingest, 0, third, timeout.Token), PostOkAsync(ingest, 1, third, timeout.Token));

        Assert.Equal(60, await ingest.CountAsync("heart_rate", timeout.Token));

        // a heartbeat received by A is what B shows, to the gateway and to an operator
        var (operatorToken, _) = await FleetSeed.AddStaffAsync(database.Db, timeout.Token);
        await FleetSeed.AddGatewayAsync(database.Db, ingest.GatewayId, ingest.PatientId, Now - 60_000, timeout.Token, secret: ingest.Secret);
        using (var posted = await ingest.PostHeartbeatAsync(0, ingest.Heartbeat(deadLetters: 7), timeout.Token))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        using (var request = ingest.GatewayRequest(1, HttpMethod.Get, $"/api/v1/gateways/{ingest.GatewayId}/heartbeat"))
        using (var http = new HttpClient())
        using (var own = await http.SendAsync(request, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            using var body = JsonDocument.Parse(await own.Content.ReadAsStringAsync(timeout.Token));
            Assert.Equal(7, body.RootElement.GetProperty("heartbeat").GetProperty("deadLetters").GetInt64());
        }

        using (var fleet = await ingest.GetAsync(1, $"/api/v1/fleet/gateways/{ingest.GatewayId}", operatorToken, timeout.Token))
        {
            var text = await fleet.Content.ReadAsStringAsync(timeout.Token);
            Assert.True(fleet.StatusCode == HttpStatusCode.OK, text);
            using var body = JsonDocument.Parse(text);
            var gateway = body.RootElement.GetProperty("gateway");
            Assert.Equal("ok", gateway.GetProperty("state").GetString());
            Assert.Equal(7, gateway.GetProperty("latest").GetProperty("heartbeat").GetProperty("deadLetters").GetInt64());
        }

        Assert.DoesNotContain("fail:", ingest.Logs, StringComparison.Ordinal);
    }

    private static IngestBatch Batch(IngestInstances ingest, int from, int to)
        => new(ingest.GatewayId, ingest.PatientId,
            [.. Enumerable.Range(from, to - from + 1).Select(i => new IngestReading(i, "hr-1", "heart_rate", "/min", Now - 60_000 + i, Now, new Dictionary<string, double> { ["value"] = 60 + (i % 30) }))]);

    private static async Task PostOkAsync(IngestInstances ingest, int index, IngestBatch batch, CancellationToken cancellationToken)
    {
        using var response = await ingest.PostBatchAsync(index, batch, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"instance {index}: {response.StatusCode} {body}\n{ingest.Logs}");
        Assert.Equal(batch.Readings.Count, JsonSerializer.Deserialize(body, IngestJsonContext.Default.IngestBatchResult)!.Stored);
    }
}
