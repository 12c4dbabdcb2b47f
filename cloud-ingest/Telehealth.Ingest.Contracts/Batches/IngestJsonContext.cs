using System.Text.Json;
using System.Text.Json.Serialization;
using Telehealth.Ingest.Contracts.Heartbeats;

namespace Telehealth.Ingest.Contracts.Batches;

/// <summary>Source-generated JSON for the batch contract (camelCase on the wire; numbers must be JSON numbers, never strings).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(IngestBatch))]
[JsonSerializable(typeof(IngestBatchResult))]
[JsonSerializable(typeof(GatewayHeartbeat))]
[JsonSerializable(typeof(HeartbeatAck))]
public sealed partial class IngestJsonContext : JsonSerializerContext;
