using System.Net;
using System.Text;
using System.Text.Json;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.IntegrationTests.Fixtures;
using Telehealth.Metadata;
using Telehealth.Metadata.Fleet;

namespace Telehealth.IntegrationTests.Fleet;

/// <summary>Bad heartbeats at a real ingest process: a clear problem, nothing stored, the service stays ready.</summary>
public sealed class HeartbeatIntakeTests
{
    [Fact]
    public async Task InvalidOrForeignHeartbeats_AreRefused_AndNothingIsStored()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(MetadataProvider.Sqlite, timeout.Token);
        await using var ingest = await IngestInstances.StartAsync(1, database.Settings, timeout.Token);

        var refused = new (HttpContent Body, HttpStatusCode Expected, string Title)[]
        {
            (Json(ingest.Heartbeat() with { BufferedBytes = -1 }), HttpStatusCode.BadRequest, "Invalid heartbeat"),
            (Json(ingest.Heartbeat() with { DevicesSeen = [.. Enumerable.Range(0, 300).Select(i => "dev-" + i)] }), HttpStatusCode.BadRequest, "Invalid heartbeat"),
            (Json(ingest.Heartbeat() with { GatewayId = "gw-someone-else" }), HttpStatusCode.Forbidden, "Forbidden"),
            (new StringContent("{\"gatewayId\": 5", Encoding.UTF8, "application/json"), HttpStatusCode.BadRequest, "Malformed heartbeat"),
        };
        foreach (var (body, expected, title) in refused)
        {
            using var request = ingest.GatewayRequest(0, HttpMethod.Post, IngestRoutes.Heartbeats, body);
            using var http = new HttpClient();
            using var response = await http.SendAsync(request, timeout.Token);
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token));
            Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        }

        var store = new HeartbeatStore(database.Db, Microsoft.Extensions.Options.Options.Create(new FleetOptions()));
        Assert.Null(await store.LatestAsync(ingest.GatewayId, timeout.Token));
        Assert.Null(await store.LatestAsync("gw-someone-else", timeout.Token));
        using var ready = await ingest.GetAsync(0, "/readyz", null, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("Refused an invalid heartbeat", ingest.Logs, StringComparison.Ordinal);
    }

    private static StringContent Json(Telehealth.Ingest.Contracts.Heartbeats.GatewayHeartbeat heartbeat)
        => new(JsonSerializer.Serialize(heartbeat, IngestJsonContext.Default.GatewayHeartbeat), Encoding.UTF8, "application/json");
}
