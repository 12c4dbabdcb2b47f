using Telehealth.Ingest.Contracts.Batches;

namespace Telehealth.Ingest.Storage;

/// <summary>Writes one patient's readings to the time-series store, one point per reading (see docs/influxdb-schema.md).</summary>
public interface IPointWriter
{
    /// <summary>
    /// Writes the readings as one request. Completes when the server has accepted all of them. Writing the same
    /// readings again overwrites the same points (the key is metric + device + patient + device time).
    /// </summary>
    /// <exception cref="StorageUnavailableException">Unreachable, timed out, or a 5xx: try again later.</exception>
    /// <exception cref="StorageRejectedException">A 4xx: the server refused the points; resending will not help.</exception>
    Task WriteAsync(string patientId, IReadOnlyList<IngestReading> readings, CancellationToken cancellationToken);
}
