using Telehealth.Ingest.Contracts.Batches;

namespace Telehealth.Gateway.Core.Forwarding;

/// <summary>
/// The ingest's 2xx answer to a batch, and whether it is the minimal form (the answer's <c>Preference-Applied</c> header
/// confirmed <see cref="IngestRoutes.PreferMinimal"/>): then its results list only the readings that were not stored.
/// </summary>
public sealed record IngestAnswer(IngestBatchResult Result, bool Minimal)
{
    /// <summary>
    /// The readings of <paramref name="sent"/> that the ingest did not store, with its reason (full form: in the batch's
    /// order; minimal form: in the answer's order, which the ingest keeps in the batch's order).
    /// </summary>
    /// <exception cref="IngestCallException">The answer does not account for every reading exactly (the batch is kept and sent again).</exception>
    public IReadOnlyList<(IngestReading Reading, string Reason)> NotStored(IReadOnlyList<IngestReading> sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        return Minimal ? FromMinimal(sent) : FromFull(sent);
    }

    private List<(IngestReading, string)> FromFull(IReadOnlyList<IngestReading> sent)
    {
        var results = Result.Results;
        Dictionary<long, ReadingResult>? byId = null;
        var notStored = new List<(IngestReading, string)>();
        for (var i = 0; i < sent.Count; i++)
        {
            // One result per reading in the batch's order; any other answer is matched by id.
            var outcome = byId is null && i < results.Count && results[i].Id == sent[i].Id
                ? results[i]
                : (byId ??= results.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First())).GetValueOrDefault(sent[i].Id);
            if (outcome is null || outcome.Id != sent[i].Id)
            {
                throw new IngestCallException($"ingest result lacks reading {sent[i].Id}; batch kept for retry");
            }

            if (outcome.Status == ReadingStatus.Rejected)
            {
                notStored.Add((sent[i], outcome.Reason ?? "rejected by ingest"));
            }
        }

        return notStored;
    }

    private List<(IngestReading, string)> FromMinimal(IReadOnlyList<IngestReading> sent)
    {
        var results = Result.Results;
        if (Result.Stored + Result.Rejected != sent.Count || Result.Rejected != results.Count)
        {
            throw new IngestCallException(
                $"ingest answered {Result.Stored} stored and {Result.Rejected} rejected with {results.Count} results for {sent.Count} readings; batch kept for retry");
        }

        var byId = new Dictionary<long, IngestReading>(sent.Count);
        foreach (var reading in sent)
        {
            byId.TryAdd(reading.Id, reading);
        }

        var notStored = new List<(IngestReading, string)>(results.Count);
        var seen = new HashSet<long>();
        foreach (var result in results)
        {
            if (result.Status != ReadingStatus.Rejected || !byId.TryGetValue(result.Id, out var reading) || !seen.Add(result.Id))
            {
                throw new IngestCallException($"ingest's minimal answer names reading {result.Id} as {result.Status}, which this batch cannot account for; batch kept for retry");
            }

            notStored.Add((reading, result.Reason ?? "rejected by ingest"));
        }

        return notStored;
    }
}
