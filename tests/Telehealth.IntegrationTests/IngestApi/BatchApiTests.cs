using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.IngestApi;

/// <summary>The ingest process against a real influxd: authentication, per-reading results, outages.</summary>
public sealed class BatchApiTests : IAsyncLifetime, IDisposable
{
    private static readonly long Now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
    private Fixtures.Pipeline _pipeline = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _pipeline = await Fixtures.Pipeline.StartAsync(withGateway: false);

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task ValidBatch_IsStored_AndEveryReadingGetsAResult()
    {
        var batch = Batch(Reading(1, "hr", "heart_rate", "/min", Now - 1000, 71), Reading(2, "hr", "heart_rate", "/min", Now - 500, 72),
            new IngestReading(3, "cuff", "blood_pressure", "mm[Hg]", Now - 100, Now, new Dictionary<string, double> { ["systolic"] = 131, ["diastolic"] = 84 }));

        var result = await PostOkAsync(batch);

        Assert.Equal(3, result.Stored);
        Assert.Equal([1L, 2, 3], result.Results.Select(r => r.Id));
        Assert.All(result.Results, r => Assert.Equal(ReadingStatus.Stored, r.Status));
        var points = await _pipeline.ReadPointsAsync(["heart_rate", "blood_pressure"], CancellationToken.None);
        Assert.Equal(3, points.Count);
        Assert.Equal(131, points.Single(p => p.Metric == "blood_pressure").Values["systolic"]);
    }

    [Fact]
    public async Task InvalidReadings_AreRejectedWithReasons_AndTheRestStored()
    {
        var batch = Batch(
            Reading(1, "hr", "heart_rate", "/min", Now - 1000, 72),
            Reading(2, "hr", "heart_rate", "/min", Now - 900, 400),
            Reading(3, "hr", "heart_rate", "bpm", Now - 800, 72),
            Reading(4, "hr", "glucose", "mmol/L", Now - 700, 5),
            Reading(5, "hr", "heart_rate", "/min", Now + (3_600_000L * 24), 72),
            Reading(6, "", "heart_rate", "/min", Now - 600, 72));

        var result = await PostOkAsync(batch);

        Assert.Equal(1, result.Stored);
        Assert.Equal(5, result.Rejected);
        var reasons = result.Results.ToDictionary(r => r.Id, r => r.Reason ?? "");
        Assert.Contains("outside plausible range", reasons[2], StringComparison.Ordinal);
        Assert.Contains("wrong unit", reasons[3], StringComparison.Ordinal);
        Assert.Contains("unknown metric", reasons[4], StringComparison.Ordinal);
        Assert.Contains("impossible", reasons[5], StringComparison.Ordinal);
        Assert.Contains("deviceId", reasons[6], StringComparison.Ordinal);
        Assert.Equal(1, await _pipeline.CountAsync("heart_rate", CancellationToken.None));
    }

    [Fact]
    public async Task ReplayedBatch_DoesNotChangeThePointCount()
    {
        var batch = Batch([.. Enumerable.Range(1, 50).Select(i => Reading(i, "hr", "heart_rate", "/min", Now - 10_000 + i, 60 + (i % 30)))]);

        for (var i = 0; i < 5; i++)
        {
            await PostOkAsync(batch);
        }

        Assert.Equal(50, await _pipeline.CountAsync("heart_rate", CancellationToken.None));
    }

    [Theory]
    [InlineData("wrong-secret", null)]
    [InlineData(null, "gw-unknown")]
    [InlineData("", null)]
    public async Task BadCredentials_Get401_AndNothingIsWritten(string? secret, string? gatewayId)
    {
        using var request = Request(Batch(Reading(1, "hr", "heart_rate", "/min", Now - 1000, 72)), secret ?? _pipeline.Secret, gatewayId ?? _pipeline.GatewayId);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await _pipeline.CountAsync("heart_rate", CancellationToken.None));
        Assert.Contains("Security: refused a batch", _pipeline.Ingest.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchForAnotherPatient_Gets403_AndNothingIsWritten()
    {
        var batch = new IngestBatch(_pipeline.GatewayId, "patient-someone-else", [Reading(1, "hr", "heart_rate", "/min", Now - 1000, 72)]);
        using var request = Request(batch, _pipeline.Secret, _pipeline.GatewayId);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await _pipeline.ReadPointsAsync(["heart_rate"], CancellationToken.None));
    }

    [Fact]
    public async Task MalformedJson_Gets400ProblemDetails()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_pipeline.IngestUrl, IngestRoutes.Batches))
        {
            Content = new StringContent("{\"gatewayId\": [", Encoding.UTF8, "application/json"),
        };
        Authorize(request, _pipeline.Secret, _pipeline.GatewayId);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Malformed batch", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task InfluxDown_Gets503_ThenStoresAfterRecovery()
    {
        var batch = Batch(Reading(1, "hr", "heart_rate", "/min", Now - 1000, 72));
        await _pipeline.Influx.StopAsync();

        using (var request = Request(batch, _pipeline.Secret, _pipeline.GatewayId))
        using (var response = await _http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
        }

        await _pipeline.Influx.StartAgainAsync();
        Assert.Equal(1, (await PostOkAsync(batch)).Stored);
    }

    [Fact]
    public async Task FieldTypeConflict_RejectsOnlyTheOffendingReadings()
    {
        // A point with a string "value" in this series' shard makes InfluxDB refuse float values there.
        var earlier = Now - (3_600_000L * 24 * 30);
        using (var write = await _http.PostAsync(new Uri(_pipeline.Influx.BaseAddress, $"/write?db={_pipeline.Database}&precision=ms"),
                   new StringContent($"heart_rate,device=hr,patient={_pipeline.PatientId} value=\"text\" {earlier}")))
        {
            write.EnsureSuccessStatusCode();
        }

        var result = await PostOkAsync(Batch(Reading(1, "hr", "heart_rate", "/min", earlier + 1, 72), Reading(2, "cuff", "spo2", "%", Now - 1, 97)));

        Assert.Equal(ReadingStatus.Rejected, result.Results[0].Status);
        Assert.Contains("refused by the time-series store", result.Results[0].Reason, StringComparison.Ordinal);
        Assert.Equal(ReadingStatus.Stored, result.Results[1].Status);
        Assert.Equal(1, await _pipeline.CountAsync("spo2", CancellationToken.None));
    }

    [Fact]
    public async Task PreferReturnMinimal_AnswersOnlyTheReadingsNotStored_AndStoresTheRest()
    {
        var batch = Batch(
            Reading(1, "hr", "heart_rate", "/min", Now - 1000, 71),
            Reading(2, "hr", "heart_rate", "/min", Now - 900, 400),
            Reading(3, "cuff", "spo2", "%", Now - 800, 97),
            Reading(4, "hr", "heart_rate", "bpm", Now - 700, 72),
            Reading(5, "hr", "heart_rate", "/min", Now - 600, 73));

        var (result, applied) = await PostAnsweredAsync(batch, "return=minimal");

        Assert.NotNull(applied);
        Assert.Equal(["return=minimal"], applied);
        Assert.Equal(3, result.Stored);
        Assert.Equal(2, result.Rejected);
        Assert.Equal([2L, 4], result.Results.Select(r => r.Id));
        Assert.All(result.Results, r => Assert.Equal(ReadingStatus.Rejected, r.Status));
        Assert.Contains("outside plausible range", result.Results[0].Reason, StringComparison.Ordinal);
        Assert.Contains("wrong unit", result.Results[1].Reason, StringComparison.Ordinal);
        var points = await _pipeline.ReadPointsAsync(["heart_rate", "spo2"], CancellationToken.None);
        Assert.Equal(
            [("heart_rate", "hr", Now - 1000, 71.0), ("heart_rate", "hr", Now - 600, 73.0), ("spo2", "cuff", Now - 800, 97.0)],
            points.Select(p => (p.Metric, p.Device, p.TimeMs, p.Values["value"])).Order());
    }

    [Fact]
    public async Task PreferReturnMinimal_AllStored_AnswersNoResults()
    {
        var batch = Batch([.. Enumerable.Range(1, 20).Select(i => Reading(i, "hr", "heart_rate", "/min", Now - 10_000 + i, 60 + i))]);

        var (result, applied) = await PostAnsweredAsync(batch, "respond-async, RETURN=\"Minimal\"; foo=bar");

        Assert.NotNull(applied);
        Assert.Equal(["return=minimal"], applied);
        Assert.Equal(20, result.Stored);
        Assert.Equal(0, result.Rejected);
        Assert.Empty(result.Results);
        Assert.Equal(20, await _pipeline.CountAsync("heart_rate", CancellationToken.None));
    }

    [Fact]
    public async Task PreferReturnMinimal_StoreRefusalAfterAParseRejection_ListsBothInTheBatchOrder()
    {
        // A point with a string "value" in this series' shard makes InfluxDB refuse reading 1 after reading 2 was
        // rejected while parsing: the minimal answer still lists them in the batch's order.
        var earlier = Now - (3_600_000L * 24 * 30);
        using (var write = await _http.PostAsync(new Uri(_pipeline.Influx.BaseAddress, $"/write?db={_pipeline.Database}&precision=ms"),
                   new StringContent($"heart_rate,device=hr,patient={_pipeline.PatientId} value=\"text\" {earlier}")))
        {
            write.EnsureSuccessStatusCode();
        }

        var (result, applied) = await PostAnsweredAsync(
            Batch(Reading(1, "hr", "heart_rate", "/min", earlier + 1, 72), Reading(2, "cuff", "spo2", "mmol/L", Now - 2, 97), Reading(3, "cuff", "spo2", "%", Now - 1, 97)),
            "return=minimal");

        Assert.NotNull(applied);
        Assert.Equal(["return=minimal"], applied);
        Assert.Equal(1, result.Stored);
        Assert.Equal(2, result.Rejected);
        Assert.Equal([1L, 2], result.Results.Select(r => r.Id));
        Assert.Contains("refused by the time-series store", result.Results[0].Reason, StringComparison.Ordinal);
        Assert.Contains("wrong unit", result.Results[1].Reason, StringComparison.Ordinal);
        Assert.Equal(1, await _pipeline.CountAsync("spo2", CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("return=representation")]
    [InlineData("respond-async; return=minimal")]
    public async Task WithoutPreferReturnMinimal_AnswersEveryReading_AndNoPreferenceApplied(string? prefer)
    {
        var batch = Batch(
            Reading(1, "hr", "heart_rate", "/min", Now - 1000, 71),
            Reading(2, "hr", "heart_rate", "bpm", Now - 900, 72),
            Reading(3, "hr", "heart_rate", "/min", Now - 800, 73));

        var (result, applied) = await PostAnsweredAsync(batch, prefer);

        Assert.Null(applied);
        Assert.Equal(2, result.Stored);
        Assert.Equal(1, result.Rejected);
        Assert.Equal([1L, 2, 3], result.Results.Select(r => r.Id));
        Assert.Equal([ReadingStatus.Stored, ReadingStatus.Rejected, ReadingStatus.Stored], result.Results.Select(r => r.Status));
        Assert.Contains("wrong unit", result.Results[1].Reason, StringComparison.Ordinal);
        Assert.Equal(2, await _pipeline.CountAsync("heart_rate", CancellationToken.None));
    }

    private IngestBatch Batch(params IngestReading[] readings) => new(_pipeline.GatewayId, _pipeline.PatientId, readings);

    private static IngestReading Reading(long id, string device, string metric, string unit, long ts, double value)
        => new(id, device, metric, unit, ts, ts + 10, new Dictionary<string, double> { ["value"] = value });

    private async Task<IngestBatchResult> PostOkAsync(IngestBatch batch)
    {
        using var request = Request(batch, _pipeline.Secret, _pipeline.GatewayId);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}\n{_pipeline.Ingest.Log}");
        return JsonSerializer.Deserialize(body, IngestJsonContext.Default.IngestBatchResult)!;
    }

    /// <summary>Posts with an optional <c>Prefer</c> header; the answer and the <c>Preference-Applied</c> values (null when absent).</summary>
    private async Task<(IngestBatchResult Result, string[]? PreferenceApplied)> PostAnsweredAsync(IngestBatch batch, string? prefer)
    {
        using var request = Request(batch, _pipeline.Secret, _pipeline.GatewayId);
        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}\n{_pipeline.Ingest.Log}");
        var applied = response.Headers.TryGetValues("Preference-Applied", out var values) ? values.ToArray() : null;
        return (JsonSerializer.Deserialize(body, IngestJsonContext.Default.IngestBatchResult)!, applied);
    }

    private HttpRequestMessage Request(IngestBatch batch, string secret, string gatewayId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_pipeline.IngestUrl, IngestRoutes.Batches))
        {
            Content = JsonContent.Create(batch, IngestJsonContext.Default.IngestBatch),
        };
        Authorize(request, secret, gatewayId);
        return request;
    }

    private static void Authorize(HttpRequestMessage request, string secret, string gatewayId)
    {
        if (secret.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        request.Headers.Add(IngestRoutes.GatewayIdHeader, gatewayId);
    }
}
