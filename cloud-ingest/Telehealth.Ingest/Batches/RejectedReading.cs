namespace Telehealth.Ingest.Batches;

/// <summary>A reading of a batch that is not stored: its index in the batch and why.</summary>
public readonly record struct RejectedReading(int Index, string Reason);
