namespace Telehealth.Ingest.Batches;

/// <summary>Where a valid reading's line lies in <see cref="ParsedBatch.Lines"/>, and the index of its reading.</summary>
public readonly record struct StoredLine(int ReadingIndex, int Start, int Length);
