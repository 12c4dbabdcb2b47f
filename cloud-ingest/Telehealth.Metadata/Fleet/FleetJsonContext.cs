using System.Text.Json.Serialization;

namespace Telehealth.Metadata.Fleet;

/// <summary>Source-generated JSON for the columns the fleet store keeps as JSON text.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class FleetJsonContext : JsonSerializerContext;
