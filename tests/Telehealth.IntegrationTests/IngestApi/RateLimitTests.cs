using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Telehealth.Ingest.Contracts.Batches;

namespace Telehealth.IntegrationTests.IngestApi;

public sealed class RateLimitTests
{
    [Fact]
    public async Task GatewayAboveItsRateLimit_Gets429WithRetryAfter_AndOtherGatewaysAreNotAffected()
    {
        await using var pipeline = await Fixtures.Pipeline.StartAsync(withGateway: false, ingestSettings: new Dictionary<string, string>
        {
            ["Intake__RequestsPerSecondPerGateway"] = "1",
            ["Intake__BurstPerGateway"] = "3",
        });
        using var http = new HttpClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(pipeline.IngestUrl, IngestRoutes.Batches))
            {
                Content = JsonContent.Create(new IngestBatch(pipeline.GatewayId, pipeline.PatientId, []), IngestJsonContext.Default.IngestBatch),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pipeline.Secret);
            request.Headers.Add(IngestRoutes.GatewayIdHeader, pipeline.GatewayId);
            var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited?.Dispose();
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.NotNull(limited);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        limited.Dispose();

        using var other = new HttpRequestMessage(HttpMethod.Post, new Uri(pipeline.IngestUrl, IngestRoutes.Batches))
        {
            Content = JsonContent.Create(new IngestBatch("gw-other", pipeline.PatientId, []), IngestJsonContext.Default.IngestBatch),
        };
        other.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        other.Headers.Add(IngestRoutes.GatewayIdHeader, "gw-other");
        using var otherResponse = await http.SendAsync(other);
        Assert.Equal(HttpStatusCode.Unauthorized, otherResponse.StatusCode); // its own bucket: refused for its credentials, not its rate
    }
}
