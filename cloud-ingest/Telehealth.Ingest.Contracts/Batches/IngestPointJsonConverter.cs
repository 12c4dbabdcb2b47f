using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telehealth.Ingest.Contracts.Batches;

/// <summary>
/// <see cref="IngestPoint"/> as <c>[id, deviceTimeMs, receivedAtMs, value…]</c>: three whole JSON numbers, then any number
/// of JSON numbers. Anything else is not a point (<see cref="JsonException"/>).
/// </summary>
public sealed class IngestPointJsonConverter : JsonConverter<IngestPoint>
{
    /// <summary>What a point must look like, for error messages.</summary>
    public const string Shape = "a point must be a JSON array [id, deviceTimeMs, receivedAtMs, values…] of numbers";

    public override IngestPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException(Shape);
        }

        var id = ReadWhole(ref reader);
        var deviceTimeMs = ReadWhole(ref reader);
        var receivedAtMs = ReadWhole(ref reader);
        var values = new List<double>(2);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value))
            {
                throw new JsonException(Shape);
            }

            values.Add(value);
        }

        return new IngestPoint(id, deviceTimeMs, receivedAtMs, values);
    }

    public override void Write(Utf8JsonWriter writer, IngestPoint value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Id);
        writer.WriteNumberValue(value.DeviceTimeMs);
        writer.WriteNumberValue(value.ReceivedAtMs);
        foreach (var component in value.Values)
        {
            writer.WriteNumberValue(component);
        }

        writer.WriteEndArray();
    }

    private static long ReadWhole(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value))
        {
            throw new JsonException(Shape);
        }

        return value;
    }
}
