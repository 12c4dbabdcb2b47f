using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Heartbeats;

namespace Telehealth.IntegrationTests.Enrolment;

/// <summary>Calls a gateway makes, with a given id and secret.</summary>
internal static class GatewayCalls
{
    public static async Task<HttpStatusCode> HeartbeatAsync(HttpClient http, Uri ingest, string gatewayId, string secret, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ingest, IngestRoutes.Heartbeats))
        {
            Content = JsonContent.Create(new GatewayHeartbeat(gatewayId, "test", TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), 0, 0, null, 0, false, [], null), IngestJsonContext.Default.GatewayHeartbeat),
        };
        return await SendAsync(http, request, gatewayId, secret, cancellationToken);
    }

    public static async Task<HttpStatusCode> BatchAsync(HttpClient http, Uri ingest, string gatewayId, string patientId, string secret, string deviceId, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ingest, IngestRoutes.Batches))
        {
            Content = JsonContent.Create(new IngestBatch(gatewayId, patientId,
                [new IngestReading(1, deviceId, "heart_rate", "/min", now - 1000, now, new Dictionary<string, double> { ["value"] = 70 })]), IngestJsonContext.Default.IngestBatch),
        };
        return await SendAsync(http, request, gatewayId, secret, cancellationToken);
    }

    public static async Task<(HttpStatusCode Status, string Body)> RotateAsync(HttpClient http, Uri ingest, string gatewayId, string secret, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ingest, IngestRoutes.GatewaySecret(gatewayId)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        request.Headers.Add(IngestRoutes.GatewayIdHeader, gatewayId);
        using var response = await http.SendAsync(request, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient http, HttpRequestMessage request, string gatewayId, string secret, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        request.Headers.Add(IngestRoutes.GatewayIdHeader, gatewayId);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }
}
