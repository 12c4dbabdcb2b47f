using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telehealth.Ingest.Contracts.Enrolment;

/// <summary>Source-generated JSON for enrolment and rotation (camelCase on the wire).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(EnrolmentRequest))]
[JsonSerializable(typeof(GatewaySecretIssued))]
public sealed partial class EnrolmentJsonContext : JsonSerializerContext;
