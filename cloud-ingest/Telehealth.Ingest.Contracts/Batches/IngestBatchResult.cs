namespace Telehealth.Ingest.Contracts.Batches;

/// <summary>The ingest's answer to a batch: counts and one result per reading, in the batch's order.</summary>
public sealed record IngestBatchResult(int Stored, int Rejected, IReadOnlyList<ReadingResult> Results);
