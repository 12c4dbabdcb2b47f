using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Telehealth.IntegrationTests.Fixtures;
using Telehealth.IntegrationTests.Fleet;
using Telehealth.Metadata;

namespace Telehealth.IntegrationTests.Stateless;

/// <summary>A private real PostgreSQL stopped under a running ingest and started again.</summary>
public sealed class MetadataOutageTests
{
    [Fact]
    public async Task PostgresDown_ReadyzAndHeartbeatsAnswer503_HealthzStays200_AndAllRecoverAfterRestart()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var postgres = await PostgresServer.StartAsync(timeout.Token);
        var settings = new Dictionary<string, string>
        {
            ["Metadata__Provider"] = nameof(MetadataProvider.PostgreSql),
            ["Metadata__ConnectionString"] = await postgres.CreateDatabaseAsync(timeout.Token),
        };
        await using var ingest = await IngestInstances.StartAsync(1, settings, timeout.Token);
        await using var db = new Telehealth.Metadata.Database.MetadataDb(Microsoft.Extensions.Options.Options.Create(
            new MetadataOptions { Provider = MetadataProvider.PostgreSql, ConnectionString = settings["Metadata__ConnectionString"] }));
        var (operatorToken, _) = await FleetSeed.AddStaffAsync(db, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(ingest, "/readyz", timeout.Token));
        using (var before = await ingest.PostHeartbeatAsync(0, ingest.Heartbeat(), timeout.Token))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await postgres.StopAsync(timeout.Token);

        for (var attempt = 0; attempt < 3; attempt++) // first the pooled connections that died with the server, then new ones
        {
            using var heartbeat = await ingest.PostHeartbeatAsync(0, ingest.Heartbeat(), timeout.Token);
            Assert.True(heartbeat.StatusCode == HttpStatusCode.ServiceUnavailable, $"{heartbeat.StatusCode}: {await heartbeat.Content.ReadAsStringAsync(timeout.Token)}\n{ingest.Logs}");
            Assert.Equal("application/problem+json", heartbeat.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(heartbeat.Headers.RetryAfter);
        }

        using (var ready = await ingest.GetAsync(0, "/readyz", null, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(timeout.Token));
            var checks = report.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
            Assert.Equal("unreachable", checks["metadata"]);
            Assert.Equal("ok", checks["influxdb"]);
        }

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(ingest, "/healthz", timeout.Token));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(ingest, "/api/v1/fleet/gateways", timeout.Token, operatorToken));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(ingest, "/healthz", timeout.Token));

        await postgres.StartAgainAsync(timeout.Token);

        await WaitForAsync(ingest, "/readyz", timeout.Token);
        var clock = Stopwatch.StartNew();
        HttpStatusCode after;
        do
        {
            using var heartbeat = await ingest.PostHeartbeatAsync(0, ingest.Heartbeat(deadLetters: 5), timeout.Token);
            after = heartbeat.StatusCode;
        }
        while (after != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(30) && await Delay(timeout.Token));

        Assert.Equal(HttpStatusCode.OK, after);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(ingest, "/api/v1/fleet/gateways", timeout.Token, operatorToken));
        Assert.DoesNotContain("fail: Microsoft.AspNetCore", ingest.Logs, StringComparison.Ordinal); // no unhandled exception (500) on the way
    }

    private static async Task<HttpStatusCode> StatusAsync(IngestInstances ingest, string path, CancellationToken cancellationToken, string? bearer = null)
    {
        using var response = await ingest.GetAsync(0, path, bearer, cancellationToken);
        return response.StatusCode;
    }

    private static async Task WaitForAsync(IngestInstances ingest, string path, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (await StatusAsync(ingest, path, cancellationToken) != HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{path} never became ready again\n{ingest.Logs}");
            await Task.Delay(200, cancellationToken);
        }
    }

    private static async Task<bool> Delay(CancellationToken cancellationToken)
    {
        await Task.Delay(200, cancellationToken);
        return true;
    }
}
