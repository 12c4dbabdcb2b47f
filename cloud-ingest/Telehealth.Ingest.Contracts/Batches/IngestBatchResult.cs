namespace Telehealth.Ingest.Contracts.Batches;

/// <summary>
/// The ingest's answer to a batch: counts and one result per reading, in the batch's order — or, when the gateway asked
/// for <see cref="IngestRoutes.PreferMinimal"/> and the answer's <c>Preference-Applied</c> header confirms it, only the
/// readings that were not stored (in the batch's order; every other reading was stored).
/// </summary>
public sealed record IngestBatchResult(int Stored, int Rejected, IReadOnlyList<ReadingResult> Results);
