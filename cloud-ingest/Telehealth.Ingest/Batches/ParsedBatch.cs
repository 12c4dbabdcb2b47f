using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Storage.LineProtocol;

namespace Telehealth.Ingest.Batches;

/// <summary>
/// A batch as <see cref="BatchReader"/> left it: the envelope's ids, each reading's id in order, the readings that were
/// not stored with the reason, and the valid readings already serialised as line protocol in a pooled buffer (dispose to
/// give it back). No object per stored reading: the answer is built from the ids when it is written.
/// </summary>
public sealed class ParsedBatch(int expectedLineBytes) : IDisposable
{
    private readonly List<RejectedReading> _rejected = [];
    private readonly HashSet<int> _rejectedIndexes = [];
    private bool _rejectedInOrder = true;

    /// <summary>The envelope's <c>gatewayId</c> (null when absent).</summary>
    public string? GatewayId { get; set; }

    /// <summary>The envelope's <c>patientId</c> (null when absent).</summary>
    public string? PatientId { get; set; }

    /// <summary>Whether the envelope had a <c>readings</c> array (not absent, not null).</summary>
    public bool HasReadings { get; set; }

    /// <summary>Each reading's id in the batch's order (-1 for a null reading).</summary>
    public List<long> ReadingIds { get; } = [];

    /// <summary>How many readings are not stored (rejected while reading, or refused by the store later).</summary>
    public int RejectedCount => _rejected.Count;

    /// <summary>The valid readings' lines, one after the other (sized at first for <c>expectedLineBytes</c>).</summary>
    public LineProtocolBuffer Lines { get; } = new(Math.Max(4096, expectedLineBytes));

    /// <summary>Each valid reading's line and the index of its reading.</summary>
    public List<StoredLine> StoredLines { get; } = [];

    /// <summary>Every device id the readings name (valid or not), to check them against the gateway's enrolled devices.</summary>
    public HashSet<string> DeviceIds { get; } = new(StringComparer.Ordinal);

    /// <summary>The class (<c>Telemetry.RejectionClass</c>) of each reading rejected while parsing.</summary>
    public List<string> RejectedClasses { get; } = [];

    /// <summary>
    /// Marks the reading at <paramref name="index"/> (of <see cref="ReadingIds"/>) as not stored. A reading has one
    /// reason: a second rejection of the same index is a bug in the caller and throws, rather than answering the
    /// gateway with two results for one reading.
    /// </summary>
    public void Reject(int index, string reason)
    {
        if (!_rejectedIndexes.Add(index))
        {
            throw new InvalidOperationException($"Reading {index} of the batch was already rejected; a reading has one reason.");
        }

        if (_rejected.Count > 0 && _rejected[^1].Index > index)
        {
            _rejectedInOrder = false;
        }

        _rejected.Add(new RejectedReading(index, reason));
    }

    /// <summary>One result per reading, in the batch's order (the answer's full form).</summary>
    public List<ReadingResult> AllResults()
    {
        var rejected = RejectedInOrder();
        var results = new List<ReadingResult>(ReadingIds.Count);
        var next = 0;
        for (var i = 0; i < ReadingIds.Count; i++)
        {
            if (next < rejected.Count && rejected[next].Index == i)
            {
                results.Add(new ReadingResult(ReadingIds[i], ReadingStatus.Rejected, rejected[next++].Reason));
            }
            else
            {
                results.Add(new ReadingResult(ReadingIds[i], ReadingStatus.Stored));
            }
        }

        return results;
    }

    /// <summary>Only the readings that were not stored, in the batch's order (the answer's minimal form).</summary>
    public List<ReadingResult> NotStoredResults()
        => RejectedInOrder().Select(r => new ReadingResult(ReadingIds[r.Index], ReadingStatus.Rejected, r.Reason)).ToList();

    public void Dispose() => Lines.Dispose();

    private List<RejectedReading> RejectedInOrder()
    {
        if (!_rejectedInOrder)
        {
            _rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
            _rejectedInOrder = true;
        }

        return _rejected;
    }
}
