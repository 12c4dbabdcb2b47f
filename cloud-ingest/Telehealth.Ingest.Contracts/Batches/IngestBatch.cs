namespace Telehealth.Ingest.Contracts.Batches;

/// <summary>A batch of readings POSTed by one gateway to <c>/api/v1/batches</c>.</summary>
/// <param name="GatewayId">The sending gateway (must match its credentials).</param>
/// <param name="PatientId">The pseudonymous patient the gateway is bound to.</param>
/// <param name="Readings">The readings, in buffer order.</param>
public sealed record IngestBatch(string GatewayId, string PatientId, IReadOnlyList<IngestReading> Readings);
