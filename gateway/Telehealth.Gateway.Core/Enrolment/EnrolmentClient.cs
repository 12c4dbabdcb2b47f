using System.Net.Http.Json;
using Telehealth.Gateway.Core.Forwarding;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Enrolment;

namespace Telehealth.Gateway.Core.Enrolment;

/// <summary>Exchanges a one-time enrolment code for the gateway's secret (<c>POST /api/v1/enrolment</c>).</summary>
public static class EnrolmentClient
{
    /// <summary>
    /// Returns the issued secret. Throws <see cref="EnrolmentRefusedException"/> when the ingest refuses the code (4xx),
    /// <see cref="IngestCallException"/> or <see cref="HttpRequestException"/> when it could not answer (worth retrying).
    /// </summary>
    public static async Task<GatewaySecretIssued> EnrolAsync(HttpClient http, Uri ingestUrl, string gatewayId, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.PostAsync(new Uri(ingestUrl, IngestRoutes.Enrolment),
            JsonContent.Create(new EnrolmentRequest(gatewayId, code), EnrolmentJsonContext.Default.EnrolmentRequest), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            detail = detail.Length > 300 ? detail[..300] : detail;
            if ((int)response.StatusCode is >= 400 and < 500 and not 408 and not 429)
            {
                throw new EnrolmentRefusedException($"the ingest refused the enrolment ({(int)response.StatusCode}): {detail}");
            }

            throw new IngestCallException(response.StatusCode, detail);
        }

        var issued = await response.Content.ReadFromJsonAsync(EnrolmentJsonContext.Default.GatewaySecretIssued, cancellationToken);
        return issued is { Secret.Length: > 0 } ? issued : throw new IngestCallException("the ingest answered the enrolment without a secret");
    }
}
