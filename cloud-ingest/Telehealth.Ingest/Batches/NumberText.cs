namespace Telehealth.Ingest.Batches;

/// <summary>A whole number of a reading and where its JSON text lies in the body (length 0: absent, the value is 0).</summary>
internal readonly record struct NumberText(long Value, int Start, int Length);
