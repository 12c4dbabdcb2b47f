using System.Text.Json.Serialization;

namespace Telehealth.Ingest.Contracts.Batches;

/// <summary>The ingest's answer for one reading of a batch.</summary>
/// <param name="Id">The reading's <see cref="IngestReading.Id"/>.</param>
/// <param name="Status">One of <see cref="ReadingStatus"/>.</param>
/// <param name="Reason">Why it was rejected; null (and left out of the JSON) when stored.</param>
public sealed record ReadingResult(long Id, string Status, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null);
