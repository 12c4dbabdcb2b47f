namespace Telehealth.Ingest.Contracts.Batches;

/// <summary>Paths and headers of the ingest API that gateways call.</summary>
public static class IngestRoutes
{
    /// <summary>POST a gzip or plain JSON <see cref="IngestBatch"/> here.</summary>
    public const string Batches = "/api/v1/batches";

    /// <summary>POST a <c>GatewayHeartbeat</c> here.</summary>
    public const string Heartbeats = "/api/v1/heartbeats";

    /// <summary>Header carrying the batch's idempotency key (the gateway's first..last offset).</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Header carrying the gateway id; the bearer token carries its secret.</summary>
    public const string GatewayIdHeader = "X-Gateway-Id";
}
