using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Enrolment;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Enrolment;

/// <summary>Enrolment, rotation, revocation and device enrolment through the real ingest's APIs and its authentication cache.</summary>
public sealed class CredentialLifecycleTests : IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Rotation_KeepsTheOldSecretUntilTheNewOneIsUsed_ThenOnlyTheNewOneWorks()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var pipeline = await StartAsync(cacheSeconds: 0, timeout.Token);
        await using var admin = await IngestAdmin.CreateAsync(pipeline, timeout.Token);
        var old = await EnrolAsync(pipeline, await admin.CodeForAsync("gw-rot", "patient-rot", timeout.Token), "gw-rot", timeout.Token);

        var (status, body) = await GatewayCalls.RotateAsync(_http, pipeline.IngestUrl, "gw-rot", old, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, status);
        var next = System.Text.Json.JsonSerializer.Deserialize(body, EnrolmentJsonContext.Default.GatewaySecretIssued)!.Secret;
        Assert.Equal(HttpStatusCode.OK, await GatewayCalls.HeartbeatAsync(_http, pipeline.IngestUrl, "gw-rot", old, timeout.Token));

        Assert.Equal(HttpStatusCode.OK, await GatewayCalls.HeartbeatAsync(_http, pipeline.IngestUrl, "gw-rot", next, timeout.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, await GatewayCalls.HeartbeatAsync(_http, pipeline.IngestUrl, "gw-rot", old, timeout.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, (await GatewayCalls.RotateAsync(_http, pipeline.IngestUrl, "gw-rot", old, timeout.Token)).Status);
    }

    [Fact]
    public async Task DeviceEnrolledThroughTheApi_IsAcceptedAtOnce_AndRemovedOneRefused()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var pipeline = await StartAsync(cacheSeconds: 300, timeout.Token);
        await using var admin = await IngestAdmin.CreateAsync(pipeline, timeout.Token);
        var path = $"{IngestRoutes.AdminGateways}/{pipeline.GatewayId}/devices/dev-new";

        Assert.Equal(HttpStatusCode.Forbidden, await GatewayCalls.BatchAsync(_http, pipeline.IngestUrl, pipeline.GatewayId, pipeline.PatientId, pipeline.Secret, "dev-new", timeout.Token));
        using (var added = await admin.SendAsync(HttpMethod.Put, path, JsonContent.Create(new { kind = "scale" }), timeout.Token))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, await GatewayCalls.BatchAsync(_http, pipeline.IngestUrl, pipeline.GatewayId, pipeline.PatientId, pipeline.Secret, "dev-new", timeout.Token));
        using (var removed = await admin.SendAsync(HttpMethod.Delete, path, null, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, await GatewayCalls.BatchAsync(_http, pipeline.IngestUrl, pipeline.GatewayId, pipeline.PatientId, pipeline.Secret, "dev-new", timeout.Token));
        Assert.Equal(1, await pipeline.CountAsync("heart_rate", timeout.Token));
    }

    [Fact]
    public async Task RevocationThroughTheApi_TakesEffectAtOnce_DespiteTheCache()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var pipeline = await StartAsync(cacheSeconds: 300, timeout.Token);
        await using var admin = await IngestAdmin.CreateAsync(pipeline, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, await GatewayCalls.HeartbeatAsync(_http, pipeline.IngestUrl, pipeline.GatewayId, pipeline.Secret, timeout.Token));

        using (var revoked = await admin.SendAsync(HttpMethod.Post, $"{IngestRoutes.AdminGateways}/{pipeline.GatewayId}/revoke", null, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await GatewayCalls.HeartbeatAsync(_http, pipeline.IngestUrl, pipeline.GatewayId, pipeline.Secret, timeout.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, await GatewayCalls.BatchAsync(_http, pipeline.IngestUrl, pipeline.GatewayId, pipeline.PatientId, pipeline.Secret, "hr", timeout.Token));
        Assert.Contains("(revoked)", pipeline.Ingest.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevocationByTheCli_IsRefusedOnceTheCacheEntryLapses()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var pipeline = await StartAsync(cacheSeconds: 2, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, await GatewayCalls.HeartbeatAsync(_http, pipeline.IngestUrl, pipeline.GatewayId, pipeline.Secret, timeout.Token));

        var (code, _, stderr) = await CommandRun.RunAsync(
            new Dictionary<string, string> { ["Metadata__ConnectionString"] = $"Data Source={Path.Combine(pipeline.Directory, "metadata.db")}" },
            "dotnet", RepoPaths.IngestDll, "admin", "gateway", "revoke", pipeline.GatewayId);
        Assert.True(code == 0, stderr);

        // Another process changed the store: this instance may still answer from its cache for up to 2 s, then refuses.
        var status = HttpStatusCode.OK;
        var clock = Stopwatch.StartNew();
        while (status == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200, timeout.Token);
            status = await GatewayCalls.HeartbeatAsync(_http, pipeline.IngestUrl, pipeline.GatewayId, pipeline.Secret, timeout.Token);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private static Task<Fixtures.Pipeline> StartAsync(int cacheSeconds, CancellationToken cancellationToken)
        => Fixtures.Pipeline.StartAsync(withGateway: false, ingestSettings: new Dictionary<string, string>
        {
            ["Gateways__AuthenticationCacheSeconds"] = cacheSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, cancellationToken: cancellationToken);

    private async Task<string> EnrolAsync(Fixtures.Pipeline pipeline, string code, string gatewayId, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(new Uri(pipeline.IngestUrl, IngestRoutes.Enrolment),
            JsonContent.Create(new EnrolmentRequest(gatewayId, code), EnrolmentJsonContext.Default.EnrolmentRequest), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(EnrolmentJsonContext.Default.GatewaySecretIssued, cancellationToken))!.Secret;
    }
}
