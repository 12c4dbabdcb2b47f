using Telehealth.Ingest.Contracts.Batches;

namespace Telehealth.Ingest.Storage;

/// <summary>Writes one patient's readings to the time-series store, one point per reading (see docs/influxdb-schema.md).</summary>
public interface IPointWriter
{
    /// <summary>
    /// Writes the readings as one request. Completes when the server has accepted all of them. Writing the same
    /// readings again overwrites the same points (the key is metric + device + patient + device time).
    /// </summary>
    /// <exception cref="StorageUnavailableException">Unreachable, timed out, 5xx, or 401/403/404 (our configuration): keep the
    /// readings and try again later.</exception>
    /// <exception cref="StorageRejectedException">Another 4xx (e.g. field type conflict): the server refused the points;
    /// resending will not help.</exception>
    /// <exception cref="ArgumentException">A reading that cannot be a well-formed point (see LineProtocolSerializer.Check).</exception>
    Task WriteAsync(string patientId, IReadOnlyList<IngestReading> readings, CancellationToken cancellationToken);

    /// <summary>
    /// Writes line protocol that <see cref="LineProtocol.LineProtocolSerializer"/> produced (one or more lines, each
    /// ending in <c>'\n'</c>, millisecond timestamps) as one request: the hot path of the ingest, which serialises
    /// while it parses. <paramref name="pointCount"/> is only for logs. Same exceptions as <see cref="WriteAsync"/>.
    /// </summary>
    Task WriteLinesAsync(ReadOnlyMemory<byte> lines, int pointCount, CancellationToken cancellationToken);
}
