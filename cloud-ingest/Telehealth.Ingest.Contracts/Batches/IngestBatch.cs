namespace Telehealth.Ingest.Contracts.Batches;

/// <summary>
/// A batch of readings POSTed by one gateway to <c>/api/v1/batches</c> (docs/ingest-batches.md): readings one by one,
/// grouped as series, or both; the readings' order in the body is the batch's order.
/// </summary>
/// <param name="GatewayId">The sending gateway (must match its credentials).</param>
/// <param name="PatientId">The pseudonymous patient the gateway is bound to.</param>
/// <param name="Readings">Readings one by one, each naming its device, metric, unit and components.</param>
/// <param name="Series">
/// Readings grouped by device, metric, unit and component names, each a compact point (<see cref="IngestSeries"/>): what
/// the gateway's forwarder sends, a third of the JSON to write, compress and parse.
/// </param>
public sealed record IngestBatch(string GatewayId, string PatientId, IReadOnlyList<IngestReading> Readings, IReadOnlyList<IngestSeries>? Series = null);
