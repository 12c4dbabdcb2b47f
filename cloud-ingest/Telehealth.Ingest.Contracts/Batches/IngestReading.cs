namespace Telehealth.Ingest.Contracts.Batches;

/// <summary>One reading in a batch from a gateway to the ingest.</summary>
/// <param name="Id">The gateway's buffer offset for the reading; echoed in the result so the gateway can dead-letter it.</param>
/// <param name="DeviceId">The device that measured it (pseudonymous, unique per gateway).</param>
/// <param name="Metric">Metric name from the catalogue.</param>
/// <param name="Unit">UCUM unit.</param>
/// <param name="DeviceTimeMs">The device's own timestamp, Unix epoch milliseconds (UTC). Part of the point key.</param>
/// <param name="ReceivedAtMs">When the gateway received it, Unix epoch milliseconds by the gateway's clock.</param>
/// <param name="Values">Component name → value.</param>
public sealed record IngestReading(
    long Id,
    string DeviceId,
    string Metric,
    string Unit,
    long DeviceTimeMs,
    long ReceivedAtMs,
    IReadOnlyDictionary<string, double> Values);
