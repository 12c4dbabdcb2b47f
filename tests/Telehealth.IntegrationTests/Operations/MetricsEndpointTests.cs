using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Telehealth.Ingest.Contracts.Batches;

namespace Telehealth.IntegrationTests.Operations;

/// <summary>
/// A real ingest process (with a real influxd) gets good and bad batches; its Prometheus endpoint must show each
/// counter moved by exactly what was sent, with low-cardinality labels only, and its log must hold no secret, no
/// reading value and no identifier smuggled into a payload.
/// </summary>
public sealed class MetricsEndpointTests : IAsyncLifetime, IDisposable
{
    private const string WrongSecret = "wrong-secret-6f1d2e9a0b";
    private const string SmuggledCpr = "0101701234";
    private const string ImplausibleValue = "987.654321";
    private readonly HttpClient _http = new();
    private Fixtures.Pipeline _pipeline = null!;

    public async Task InitializeAsync()
        => _pipeline = await Fixtures.Pipeline.StartAsync(withGateway: false, ingestSettings: new Dictionary<string, string>
        {
            ["Intake__MaxBodyBytes"] = (64 * 1024).ToString(CultureInfo.InvariantCulture),
            ["Intake__BurstPerGateway"] = "8",
            ["Intake__RequestsPerSecondPerGateway"] = "1",
            ["Logging__LogLevel__Default"] = "Debug",
        });

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Metrics_CountWhatHappened_ByLowCardinalityLabels()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await SendBadAndGoodAsync(timeout.Token);
        await _pipeline.Influx.StopAsync();
        // answered 503: the gateway sends it again later, so its rejected reading is not counted yet
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await PostAsync(Batch(Reading(20, "70"), Reading(23, ImplausibleValue)), _pipeline.Secret, timeout.Token)).StatusCode);

        var metrics = await ScrapeUntilAsync(m => PrometheusText.Sum(m, "telehealth_ingest_batches_total", ("outcome", "storage_unavailable")) >= 1, timeout.Token);

        Assert.Equal(3, PrometheusText.Sum(metrics, "telehealth_ingest_readings_stored_total"));
        Assert.Equal(1, PrometheusText.Sum(metrics, "telehealth_ingest_readings_rejected_total", ("reason", "catalogue")));
        Assert.Equal(1, PrometheusText.Sum(metrics, "telehealth_ingest_readings_rejected_total", ("reason", "time")));
        Assert.Equal(1, PrometheusText.Sum(metrics, "telehealth_ingest_readings_rejected_total", ("reason", "device")));
        Assert.Equal(2, PrometheusText.Sum(metrics, "telehealth_ingest_batches_total", ("outcome", "accepted")));
        Assert.Equal(1, PrometheusText.Sum(metrics, "telehealth_ingest_batches_total", ("outcome", "malformed")));
        Assert.Equal(1, PrometheusText.Sum(metrics, "telehealth_ingest_batches_total", ("outcome", "too_large")));
        Assert.Equal(1, PrometheusText.Sum(metrics, "telehealth_ingest_batches_total", ("outcome", "storage_unavailable")));
        Assert.Equal(1, PrometheusText.Sum(metrics, "telehealth_ingest_storage_unavailable_total"));
        Assert.Equal(1, PrometheusText.Sum(metrics, "telehealth_ingest_payload_too_large_total"));

        // 1 wrong secret for the real gateway, then 20 requests under an unknown id: 8 pass its bucket (401; one more per
        // second it takes), the rest are refused with 429 before authentication
        var unauthenticated = PrometheusText.Sum(metrics, "telehealth_ingest_batches_total", ("outcome", "unauthenticated"));
        var limited = PrometheusText.Sum(metrics, "telehealth_ingest_batches_total", ("outcome", "rate_limited"));
        Assert.InRange(unauthenticated, 1 + 8, 1 + 19);
        Assert.Equal(21, unauthenticated + limited);
        Assert.Equal(unauthenticated, PrometheusText.Sum(metrics, "telehealth_ingest_auth_failures_total", ("status", "401")));
        Assert.Equal(limited, PrometheusText.Sum(metrics, "telehealth_ingest_rate_limited_total"));

        Assert.Equal(2, PrometheusText.Sum(metrics, "telehealth_ingest_batch_duration_seconds_count", ("outcome", "accepted")));
        Assert.Equal(3, PrometheusText.Sum(metrics, "telehealth_ingest_influx_write_duration_seconds_count"));
        Assert.True(PrometheusText.Sum(metrics, "telehealth_ingest_batch_duration_seconds_sum") > 0);

        // The heartbeat and alerting meters are exported too: a heartbeat is counted, the stored batches were evaluated.
        Assert.Equal(HttpStatusCode.OK, await Enrolment.GatewayCalls.HeartbeatAsync(_http, _pipeline.IngestUrl, _pipeline.GatewayId, _pipeline.Secret, timeout.Token));
        metrics = await ScrapeUntilAsync(m => PrometheusText.Sum(m, "telehealth_ingest_heartbeats_total") >= 1
            && PrometheusText.Sum(m, "telehealth_alerting_evaluations_total") + PrometheusText.Sum(m, "telehealth_alerting_evaluation_failures_total") >= 1, timeout.Token);

        // ASP.NET Core and runtime instruments come along; no label carries an id of ours
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
        Assert.Contains("dotnet_", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(_pipeline.GatewayId, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(_pipeline.PatientId, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("flood-gw", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_OfARunWithBadInputs_HoldsNoSecretNoValueNoSmuggledIdentifier()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await SendBadAndGoodAsync(timeout.Token);
        await _pipeline.Influx.StopAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await PostAsync(Batch(Reading(21, "66"), Reading(22, ImplausibleValue)), _pipeline.Secret, timeout.Token)).StatusCode);
        await Task.Delay(500, timeout.Token); // let the process flush its console log

        var log = _pipeline.Ingest.Log;
        Assert.Contains("Stored 2 points", log, StringComparison.Ordinal); // Debug logging was on and captured
        Assert.Contains("Time-series store unavailable", log, StringComparison.Ordinal);
        foreach (var forbidden in new[] { _pipeline.Secret, WrongSecret, SmuggledCpr, ImplausibleValue, "987.65", "61.25", "70.125" })
        {
            Assert.DoesNotContain(forbidden, log, StringComparison.Ordinal);
        }
    }

    /// <summary>Two good batches (3 readings stored, 3 rejected), then malformed, oversized, unauthenticated and flooding requests.</summary>
    private async Task SendBadAndGoodAsync(CancellationToken cancellationToken)
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Batch(Reading(1, "61.25"), Reading(2, "70.125")), _pipeline.Secret, cancellationToken)).StatusCode);
        var mixed = Batch(Reading(3, "72"), Reading(4, ImplausibleValue), Reading(5, "72", deviceTimeMs: 5), Reading(6, "72", deviceId: ""));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(mixed, _pipeline.Secret, cancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync($$$"""{"gatewayId":"{{{_pipeline.GatewayId}}}","note":"{{{SmuggledCpr}}}","readings":[{"values":{"value":{{{ImplausibleValue}}}x}}]}""", _pipeline.Secret, cancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostAsync(Batch([.. Enumerable.Range(100, 800).Select(i => Reading(i, "64"))]), _pipeline.Secret, cancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Batch(Reading(7, "64")), WrongSecret, cancellationToken)).StatusCode);
        for (var i = 0; i < 20; i++)
        {
            await PostAsync(Batch(Reading(8, "64")), WrongSecret, cancellationToken, gatewayId: "flood-gw");
        }
    }

    private string Batch(params string[] readings)
        => $$"""{"gatewayId":"{{_pipeline.GatewayId}}","patientId":"{{_pipeline.PatientId}}","note":"{{SmuggledCpr}}","readings":[{{string.Join(',', readings)}}]}""";

    private static string Reading(long id, string value, long? deviceTimeMs = null, string deviceId = "hr")
    {
        var time = deviceTimeMs ?? TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() - 60_000 + id;
        return $$$"""{"id":{{{id}}},"deviceId":"{{{deviceId}}}","metric":"heart_rate","unit":"/min","deviceTimeMs":{{{time}}},"receivedAtMs":{{{time}}},"values":{"value":{{{value}}}}}""";
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string secret, CancellationToken cancellationToken, string? gatewayId = null)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_pipeline.IngestUrl, IngestRoutes.Batches)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        request.Headers.Add(IngestRoutes.GatewayIdHeader, gatewayId ?? _pipeline.GatewayId);
        return await _http.SendAsync(request, cancellationToken);
    }

    private async Task<string> ScrapeUntilAsync(Func<string, bool> condition, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var metrics = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            metrics = await _http.GetStringAsync(new Uri(_pipeline.IngestUrl, "/metrics"), cancellationToken);
            if (condition(metrics))
            {
                return metrics;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new Xunit.Sdk.XunitException("the scrape never showed the expected counters:\n" + metrics);
    }
}
