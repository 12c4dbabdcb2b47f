using System.Text.Json;

namespace Telehealth.Ingest.Batches;

/// <summary>
/// The few distinct texts one JSON field takes across a batch (device ids, metric names, units, component names): a JSON
/// string whose raw UTF-8 bytes match one seen before gives back that same string instead of a new one. Holds at most
/// <see cref="Capacity"/> texts; beyond that it still answers right, it only allocates. Not thread-safe; one per batch.
/// </summary>
public sealed class RepeatedText
{
    /// <summary>How many distinct texts are remembered.</summary>
    public const int Capacity = 8;

    private readonly string[] _texts = new string[Capacity];
    private readonly byte[][] _utf8 = new byte[Capacity][];
    private int _count;
    private int _next;

    /// <summary>The current string or property-name token as a string (null for a JSON null).</summary>
    /// <exception cref="JsonException">The token is neither a string, a property name nor null, or not valid UTF-8.</exception>
    public string? Read(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            throw new JsonException($"{field} must be a string");
        }

        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var raw = reader.ValueSpan;
            for (var i = 0; i < _count; i++)
            {
                if (raw.SequenceEqual(_utf8[i]))
                {
                    return _texts[i];
                }
            }

            var text = GetString(ref reader, field);
            _texts[_next] = text;
            _utf8[_next] = raw.ToArray();
            _next = (_next + 1) % Capacity;
            _count = Math.Min(_count + 1, Capacity);
            return text;
        }

        return GetString(ref reader, field);
    }

    private static string GetString(ref Utf8JsonReader reader, string field)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException($"{field} is not valid UTF-8 text", ex);
        }
    }
}
