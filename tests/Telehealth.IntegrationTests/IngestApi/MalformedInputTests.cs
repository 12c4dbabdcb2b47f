using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Telehealth.Ingest.Contracts.Batches;

namespace Telehealth.IntegrationTests.IngestApi;

/// <summary>A corpus of bad bodies against the real ingest process: each gets its documented error and the service stays healthy.</summary>
public sealed class MalformedInputTests : IAsyncLifetime, IDisposable
{
    private Fixtures.Pipeline _pipeline = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
        => _pipeline = await Fixtures.Pipeline.StartAsync(withGateway: false, ingestSettings: new Dictionary<string, string>
        {
            ["Intake__MaxBodyBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    public void Dispose() => _http.Dispose();

    public static TheoryData<string, string, int, string> Corpus() => new()
    {
        { "not JSON", "hello", 400, "Malformed batch" },
        { "truncated", """{"gatewayId":"x","patientId":"y","readings":[""", 400, "Malformed batch" },
        { "wrong type", """{"gatewayId":1,"patientId":"y","readings":[]}""", 400, "Malformed batch" },
        { "NaN literal", """{"gatewayId":"G","patientId":"P","readings":[{"id":1,"deviceId":"d","metric":"heart_rate","unit":"/min","deviceTimeMs":1,"receivedAtMs":1,"values":{"value":NaN}}]}""", 400, "Malformed batch" },
        { "Infinity as string", """{"gatewayId":"G","patientId":"P","readings":[{"id":1,"deviceId":"d","metric":"heart_rate","unit":"/min","deviceTimeMs":1,"receivedAtMs":1,"values":{"value":"Infinity"}}]}""", 400, "Malformed batch" },
        { "deep nesting", new string('[', 5000) + new string(']', 5000), 400, "Malformed batch" },
        { "readings missing", """{"gatewayId":"G","patientId":"P"}""", 400, "readings is missing" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task MalformedBody_GetsItsProblemDetails_AndTheServiceStaysHealthy(string what, string body, int status, string title)
    {
        var text = body.Replace("\"G\"", $"\"{_pipeline.GatewayId}\"", StringComparison.Ordinal).Replace("\"P\"", $"\"{_pipeline.PatientId}\"", StringComparison.Ordinal);

        using var response = await SendAsync(new ByteArrayContent(Encoding.UTF8.GetBytes(text)));

        await AssertProblemAsync(response, status, title, what);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task InvalidUtf8_Gets400()
    {
        using var response = await SendAsync(new ByteArrayContent([.. "{\"gatewayId\":\""u8, 0xC3, 0x28, .. "\"}"u8]));

        await AssertProblemAsync(response, 400, "Malformed batch", "invalid UTF-8");
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task OversizedBody_Gets413()
    {
        var huge = $$"""{"gatewayId":"{{_pipeline.GatewayId}}","patientId":"{{_pipeline.PatientId}}","readings":[{{string.Join(',', Enumerable.Repeat("{}", 700_000))}}]}""";

        using var response = await SendAsync(new ByteArrayContent(Encoding.UTF8.GetBytes(huge)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task GzipBomb_IsCutOffAtTheBodyLimit_With413_AndTheServiceStaysHealthy()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write("""{"gatewayId":"x","patientId":"y","readings":["""u8);
            var zeros = new byte[1024 * 1024];
            Array.Fill(zeros, (byte)' ');
            for (var i = 0; i < 200; i++)
            {
                gzip.Write(zeros); // 200 MiB of whitespace when inflated, a few hundred KiB on the wire
            }
        }

        var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        Assert.True(compressed.Length < 1024 * 1024, "the bomb itself must fit under the limit");

        using var response = await SendAsync(content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task UnknownMetricAndWrongUnit_AreRejectedPerReading()
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var batch = new IngestBatch(_pipeline.GatewayId, _pipeline.PatientId,
        [
            new IngestReading(1, "d", "glucose", "mmol/L", now, now, new Dictionary<string, double> { ["value"] = 5 }),
            new IngestReading(2, "d", "body_weight", "lb", now, now, new Dictionary<string, double> { ["value"] = 180 }),
        ]);

        using var response = await SendAsync(new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(batch, IngestJsonContext.Default.IngestBatch)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), IngestJsonContext.Default.IngestBatchResult)!;
        Assert.Equal(2, result.Rejected);
        Assert.Contains("unknown metric", result.Results[0].Reason, StringComparison.Ordinal);
        Assert.Contains("wrong unit", result.Results[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheBatchEndpoint()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri(_pipeline.IngestUrl, "/openapi/v1.json")));

        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty(IngestRoutes.Batches, out var batches));
        Assert.True(batches.TryGetProperty("post", out _));
    }

    [Fact]
    public async Task Readyz_FollowsInfluxDb()
    {
        using (var ready = await _http.GetAsync(new Uri(_pipeline.IngestUrl, "/readyz")))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        await _pipeline.Influx.StopAsync();
        using var notReady = await _http.GetAsync(new Uri(_pipeline.IngestUrl, "/readyz"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Contains("unreachable", await notReady.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertHealthyAsync();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpContent content)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_pipeline.IngestUrl, IngestRoutes.Batches)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _pipeline.Secret);
        request.Headers.Add(IngestRoutes.GatewayIdHeader, _pipeline.GatewayId);
        return await _http.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string title, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{what}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Contains(title, problem.RootElement.GetProperty("title").GetString() + " " + problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task AssertHealthyAsync()
    {
        using var health = await _http.GetAsync(new Uri(_pipeline.IngestUrl, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(_pipeline.Ingest.IsRunning);
    }
}
