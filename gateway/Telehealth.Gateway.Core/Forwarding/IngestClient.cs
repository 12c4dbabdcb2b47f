using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Enrolment;
using Telehealth.Gateway.Core.Identity;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Enrolment;
using Telehealth.Ingest.Contracts.Heartbeats;

namespace Telehealth.Gateway.Core.Forwarding;

/// <summary>
/// Posts gzip-compressed batches to cloud-ingest (retries and backoff come from the resilience handler). Batches are
/// compressed into one reused buffer, so a long backlog drain does not churn the large-object heap; therefore
/// <see cref="SendAsync"/> serves one caller at a time (the forwarder).
/// </summary>
public sealed class IngestClient : IDisposable
{
    private readonly MemoryStream _body = new();
    private int _sending;
    private readonly HttpClient _http;
    private readonly string _gatewayId;
    private readonly GatewaySecret _secret;

    public IngestClient(HttpClient http, GatewaySecret secret, IOptions<GatewayOptions> gateway)
    {
        _http = http;
        _secret = secret;
        _gatewayId = gateway.Value.Id;
    }

    /// <summary>
    /// Sends a batch asking for the minimal answer (<see cref="IngestRoutes.PreferMinimal"/>); returns the answer of a
    /// 2xx, throws <see cref="IngestCallException"/> otherwise.
    /// </summary>
    public async Task<IngestAnswer> SendAsync(IngestBatch batch, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _sending, 1) == 1)
        {
            throw new InvalidOperationException("IngestClient.SendAsync serves one caller at a time");
        }

        try
        {
            return await SendCompressedAsync(batch, idempotencyKey, cancellationToken);
        }
        finally
        {
            Volatile.Write(ref _sending, 0);
        }
    }

    public void Dispose() => _body.Dispose();

    private async Task<IngestAnswer> SendCompressedAsync(IngestBatch batch, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, IngestRoutes.Batches) { Content = Compress(batch) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _secret.GetAsync(cancellationToken));
        request.Headers.Add(IngestRoutes.GatewayIdHeader, _gatewayId);
        request.Headers.Add(IngestRoutes.IdempotencyKeyHeader, idempotencyKey);
        request.Headers.Add("Prefer", IngestRoutes.PreferMinimal);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new IngestCallException(response.StatusCode, detail.Length > 300 ? detail[..300] : detail, UnenrolledDevicesIn(response.StatusCode, detail));
        }

        var minimal = response.Headers.TryGetValues("Preference-Applied", out var applied)
            && applied.Any(v => v.Contains(IngestRoutes.PreferMinimal, StringComparison.OrdinalIgnoreCase));
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var result = await JsonSerializer.DeserializeAsync(body, IngestJsonContext.Default.IngestBatchResult, cancellationToken)
            ?? throw new IngestCallException("ingest answered 2xx with an empty body");
        return new IngestAnswer(result, minimal);
    }

    /// <summary>Sends a heartbeat; returns the ingest's clock.</summary>
    public async Task<HeartbeatAck> SendHeartbeatAsync(GatewayHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, IngestRoutes.Heartbeats)
        {
            Content = JsonContent.Create(heartbeat, IngestJsonContext.Default.GatewayHeartbeat),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _secret.GetAsync(cancellationToken));
        request.Headers.Add(IngestRoutes.GatewayIdHeader, _gatewayId);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new IngestCallException(response.StatusCode, detail.Length > 300 ? detail[..300] : detail);
        }

        return await response.Content.ReadFromJsonAsync(IngestJsonContext.Default.HeartbeatAck, cancellationToken)
            ?? throw new IngestCallException("ingest answered a heartbeat with an empty body");
    }

    /// <summary>The device ids of a 403 problem details' <c>unenrolledDevices</c> member (empty for any other answer).</summary>
    public static IReadOnlyList<string> UnenrolledDevicesIn(System.Net.HttpStatusCode status, string body)
    {
        if (status != System.Net.HttpStatusCode.Forbidden || body.Length == 0)
        {
            return [];
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.ValueKind == JsonValueKind.Object
                   && problem.RootElement.TryGetProperty(UnenrolledDevicesProblem.ExtensionName, out var devices) && devices.ValueKind == JsonValueKind.Array
                ? [.. devices.EnumerateArray().Where(d => d.ValueKind == JsonValueKind.String).Select(d => d.GetString()!)]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private ByteArrayContent Compress(IngestBatch batch)
    {
        _body.SetLength(0);
        using (var gzip = new GZipStream(_body, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, batch, IngestJsonContext.Default.IngestBatch);
        }

        var content = new ByteArrayContent(_body.GetBuffer(), 0, (int)_body.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }
}
