using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telehealth.Ingest.Contracts.Batches;

/// <summary>Source-generated JSON for the batch contract (camelCase on the wire).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IngestBatch))]
[JsonSerializable(typeof(IngestBatchResult))]
public sealed partial class IngestJsonContext : JsonSerializerContext;
