namespace Telehealth.Ingest.Contracts.Batches;

/// <summary>Paths and headers of the ingest API that gateways call.</summary>
public static class IngestRoutes
{
    /// <summary>POST a gzip or plain JSON <see cref="IngestBatch"/> here.</summary>
    public const string Batches = "/api/v1/batches";

    /// <summary>POST a <c>GatewayHeartbeat</c> here.</summary>
    public const string Heartbeats = "/api/v1/heartbeats";

    /// <summary>POST an <c>EnrolmentRequest</c> (gateway id and one-time code) here; answers the gateway's secret.</summary>
    public const string Enrolment = "/api/v1/enrolment";

    /// <summary>Route template of a gateway's secret: POST (authenticated with the current secret) rotates it.</summary>
    public const string GatewaySecretTemplate = "/api/v1/gateways/{id}/secret";

    /// <summary>Prefix of the operators' gateway administration API.</summary>
    public const string AdminGateways = "/api/v1/admin/gateways";

    /// <summary>The rotation path of one gateway.</summary>
    public static string GatewaySecret(string gatewayId) => $"/api/v1/gateways/{Uri.EscapeDataString(gatewayId)}/secret";

    /// <summary>Header carrying the batch's idempotency key (the gateway's first..last offset).</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// The RFC 7240 preference a gateway sends in a <c>Prefer</c> header with a batch: the answer then lists only the
    /// readings that were not stored (every reading of the batch not listed was stored), and the ingest confirms it with
    /// the same value in a <c>Preference-Applied</c> header. Without it the answer has one result per reading.
    /// </summary>
    public const string PreferMinimal = "return=minimal";

    /// <summary>Header carrying the gateway id; the bearer token carries its secret.</summary>
    public const string GatewayIdHeader = "X-Gateway-Id";
}
