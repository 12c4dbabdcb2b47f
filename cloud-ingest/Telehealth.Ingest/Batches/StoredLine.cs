namespace Telehealth.Ingest.Batches;

/// <summary>Where a valid reading's line lies in <see cref="ParsedBatch.Lines"/>, and which result it has.</summary>
public readonly record struct StoredLine(int ResultIndex, int Start, int Length);
