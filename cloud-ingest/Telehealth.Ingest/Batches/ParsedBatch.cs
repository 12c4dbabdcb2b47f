using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Storage.LineProtocol;

namespace Telehealth.Ingest.Batches;

/// <summary>
/// A batch as <see cref="BatchReader"/> left it: the envelope's ids, one result per reading in order, and the valid
/// readings already serialised as line protocol in a pooled buffer (dispose to give it back).
/// </summary>
public sealed class ParsedBatch(int expectedLineBytes) : IDisposable
{
    /// <summary>The envelope's <c>gatewayId</c> (null when absent).</summary>
    public string? GatewayId { get; set; }

    /// <summary>The envelope's <c>patientId</c> (null when absent).</summary>
    public string? PatientId { get; set; }

    /// <summary>Whether the envelope had a <c>readings</c> array (not absent, not null).</summary>
    public bool HasReadings { get; set; }

    /// <summary>One result per reading, in the batch's order; valid ones say stored until the store says otherwise.</summary>
    public List<ReadingResult> Results { get; } = [];

    /// <summary>The valid readings' lines, one after the other (sized at first for <c>expectedLineBytes</c>).</summary>
    public LineProtocolBuffer Lines { get; } = new(Math.Max(4096, expectedLineBytes));

    /// <summary>Each valid reading's line and result.</summary>
    public List<StoredLine> StoredLines { get; } = [];

    /// <summary>Every device id the readings name (valid or not), to check them against the gateway's enrolled devices.</summary>
    public HashSet<string> DeviceIds { get; } = new(StringComparer.Ordinal);

    /// <summary>The class (<c>Telemetry.RejectionClass</c>) of each reading rejected while parsing.</summary>
    public List<string> RejectedClasses { get; } = [];

    public void Dispose() => Lines.Dispose();
}
