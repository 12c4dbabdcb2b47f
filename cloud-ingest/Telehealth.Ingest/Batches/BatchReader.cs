using System.Text;
using System.Text.Json;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Storage.LineProtocol;
using Telehealth.Ingest.Telemetry;

namespace Telehealth.Ingest.Batches;

/// <summary>
/// The ingest's hot path: reads an <see cref="IngestBatch"/> body with one <see cref="Utf8JsonReader"/> pass, validates
/// each reading as it is read and writes the valid ones as line protocol at once, without building the batch's object
/// graph. A reading whose series, field keys and values pass the checks the batch has already made once
/// (<see cref="CheckedSeries"/>) is written straight to the buffer (<see cref="CheckedLineWriter"/>); any other goes to
/// <see cref="BatchValidator.Check"/> for its exact reason, so both paths accept and refuse the same readings. Accepts exactly what the source-generated <c>IngestJsonContext</c>
/// accepts (camelCase names matched case-insensitively, numbers as JSON numbers only, unknown members skipped, a missing
/// member as its default, depth ≤ 64, one JSON value) and rejects the rest with a <see cref="JsonException"/>; a second
/// <c>readings</c> member is refused as well (it would be ambiguous).
/// </summary>
public static partial class BatchReader
{
    private const int MaxDepth = 64;

    /// <summary>Parses <paramref name="json"/>; lines carry <paramref name="patientId"/> (the authenticated gateway's patient).</summary>
    /// <exception cref="JsonException">Not a well-formed batch.</exception>
    public static ParsedBatch Read(ReadOnlySpan<byte> json, string patientId, long latestDeviceTimeMs)
    {
        // A reading's line is shorter than its JSON (no member names, no quotes): the body's size is enough for all lines.
        var batch = new ParsedBatch(json.Length);
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
            Next(ref reader);
            if (reader.TokenType != JsonTokenType.Null)
            {
                Expect(ref reader, JsonTokenType.StartObject, "the batch");
                ReadEnvelope(ref reader, batch, patientId, latestDeviceTimeMs, json);
            }

            if (reader.Read())
            {
                throw new JsonException("unexpected data after the batch");
            }

            return batch;
        }
        catch (InvalidOperationException ex)
        {
            batch.Dispose();
            throw new JsonException(ex.Message, ex);
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }

    private static void ReadEnvelope(ref Utf8JsonReader reader, ParsedBatch batch, string patientId, long latestDeviceTimeMs, ReadOnlySpan<byte> json)
    {
        var scratch = new ReadingScratch(patientId, latestDeviceTimeMs);
        var seenReadings = false;
        var seenSeries = false;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            if (IsName(ref reader, "gatewayId"u8, "gatewayId"))
            {
                Next(ref reader);
                batch.GatewayId = scratch.Envelope.Read(ref reader, "gatewayId");
            }
            else if (IsName(ref reader, "patientId"u8, "patientId"))
            {
                Next(ref reader);
                batch.PatientId = scratch.Envelope.Read(ref reader, "patientId");
            }
            else if (IsName(ref reader, "readings"u8, "readings"))
            {
                if (seenReadings)
                {
                    throw new JsonException("readings appears twice");
                }

                seenReadings = true;
                if (Next(ref reader) == JsonTokenType.Null)
                {
                    continue;
                }

                Expect(ref reader, JsonTokenType.StartArray, "readings");
                batch.HasReadings = true;
                while (Next(ref reader) != JsonTokenType.EndArray)
                {
                    ReadReading(ref reader, batch, scratch, json);
                }
            }
            else if (IsName(ref reader, "series"u8, "series"))
            {
                if (seenSeries)
                {
                    throw new JsonException("series appears twice");
                }

                seenSeries = true;
                if (Next(ref reader) == JsonTokenType.Null)
                {
                    continue;
                }

                Expect(ref reader, JsonTokenType.StartArray, "series");
                batch.HasReadings = true;
                while (Next(ref reader) != JsonTokenType.EndArray)
                {
                    ReadSeries(ref reader, batch, scratch, json);
                }
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }
    }

    private static void ReadReading(ref Utf8JsonReader reader, ParsedBatch batch, ReadingScratch scratch, ReadOnlySpan<byte> json)
    {
        var index = batch.ReadingIds.Count;
        if (reader.TokenType == JsonTokenType.Null)
        {
            batch.ReadingIds.Add(-1);
            batch.Reject(index, "reading is null");
            batch.RejectedClasses.Add(RejectionClass.Malformed);
            return;
        }

        Expect(ref reader, JsonTokenType.StartObject, "a reading");
        long id = 0;
        NumberText deviceTime = default, received = default;
        string? deviceId = null, metric = null, unit = null;
        var hasValues = false;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            if (IsName(ref reader, "id"u8, "id"))
            {
                id = ReadInt64(ref reader, "id").Value;
            }
            else if (IsName(ref reader, "deviceId"u8, "deviceId"))
            {
                Next(ref reader);
                deviceId = scratch.DeviceIds.Read(ref reader, "deviceId");
            }
            else if (IsName(ref reader, "metric"u8, "metric"))
            {
                Next(ref reader);
                metric = scratch.Metrics.Read(ref reader, "metric");
            }
            else if (IsName(ref reader, "unit"u8, "unit"))
            {
                Next(ref reader);
                unit = scratch.Units.Read(ref reader, "unit");
            }
            else if (IsName(ref reader, "deviceTimeMs"u8, "deviceTimeMs"))
            {
                deviceTime = ReadInt64(ref reader, "deviceTimeMs");
            }
            else if (IsName(ref reader, "receivedAtMs"u8, "receivedAtMs"))
            {
                received = ReadInt64(ref reader, "receivedAtMs");
            }
            else if (IsName(ref reader, "values"u8, "values"))
            {
                hasValues = ReadValues(ref reader, scratch);
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        Accept(batch, scratch, index, id, deviceId, metric, unit, hasValues, deviceTime, received, json);
    }

    /// <summary>
    /// Records the reading just read (at <paramref name="index"/>) and either writes its line or rejects it. Its values are
    /// in <see cref="ReadingScratch.Components"/> (<paramref name="hasValues"/> false: null or absent).
    /// </summary>
    private static void Accept(ParsedBatch batch, ReadingScratch scratch, int index, long id, string? deviceId, string? metric, string? unit,
        bool hasValues, NumberText deviceTime, NumberText received, ReadOnlySpan<byte> json)
    {
        batch.ReadingIds.Add(id);
        NoteDevice(batch, scratch, deviceId);
        var start = batch.Lines.WrittenCount;
        if (hasValues && IsValid(scratch, deviceId, metric, unit, deviceTime.Value, scratch.LatestDeviceTimeMs) is { } series)
        {
            // The common case: every check passed on what the batch already knows; the line goes straight to the buffer.
            CheckedLineWriter.Write(batch.Lines, json, series, scratch.Components, scratch.Fields, received, deviceTime);
        }
        else
        {
            // Anything else takes the validator itself, for its exact reason (or, should it pass, the serializer).
            var reading = new IngestReading(id, deviceId!, metric!, unit!, deviceTime.Value, received.Value, hasValues ? scratch.Components.ToDictionary() : null!);
            if (BatchValidator.Check(scratch.PatientId, reading, scratch.LatestDeviceTimeMs) is { } rejected)
            {
                batch.Reject(index, rejected.Reason);
                batch.RejectedClasses.Add(rejected.Class);
                return;
            }

            LineProtocolSerializer.WriteCheckedLine(batch.Lines, scratch.PatientId, reading);
        }

        batch.StoredLines.Add(new StoredLine(index, start, batch.Lines.WrittenCount - start));
    }

    /// <summary>Adds a reading's device id to the batch's set (consecutive readings mostly share it: skipped then).</summary>
    private static void NoteDevice(ParsedBatch batch, ReadingScratch scratch, string? deviceId)
    {
        if (!string.IsNullOrEmpty(deviceId) && !ReferenceEquals(deviceId, scratch.LastDevice))
        {
            batch.DeviceIds.Add(deviceId);
            scratch.LastDevice = deviceId;
        }
    }

    /// <summary>
    /// The series key of a reading that <see cref="BatchValidator.Check"/> would pass, decided from what the batch has
    /// already checked (<see cref="CheckedSeries"/>) plus this reading's time and values; null when any check fails or
    /// cannot be decided here — such a reading goes to the validator itself, so a null never rejects anything.
    /// </summary>
    private static byte[]? IsValid(ReadingScratch scratch, string? deviceId, string? metric, string? unit, long deviceTimeMs, long latestDeviceTimeMs)
    {
        var components = scratch.Components;
        if (!scratch.Series.PatientWritable || deviceId is not { Length: > 0 and <= 64 } || metric is null || unit is null
            || deviceTimeMs < BatchValidator.MinDeviceTimeMs || deviceTimeMs > latestDeviceTimeMs
            || components.Overflowed || components.Count == 0
            || scratch.Series.Find(metric, unit, deviceId) is not { } definition)
        {
            return null;
        }

        var fields = scratch.Fields;
        for (var i = 0; i < components.Count; i++)
        {
            var value = components.Values[i];
            if (definition.FindComponent(components.Names[i]) is not { } component || !double.IsFinite(value)
                || value < component.Min || value > component.Max
                || scratch.Series.FieldKey(components.Names[i], out fields.ReceivedFirst[i]) is not { } key)
            {
                return null;
            }

            fields.Keys[i] = key;
        }

        foreach (var component in definition.Components)
        {
            if (component.Required && Array.IndexOf(components.Names, component.Name, 0, components.Count) < 0)
            {
                return null;
            }
        }

        fields.SortBy(components.Names, components.Count);
        return scratch.Series.SeriesKey(metric, deviceId);
    }

    /// <summary>Reads <c>values</c> into the reading's components (a repeated name keeps its last value); false for null.</summary>
    private static bool ReadValues(ref Utf8JsonReader reader, ReadingScratch scratch)
    {
        var components = scratch.Components;
        components.Clear();
        if (Next(ref reader) == JsonTokenType.Null)
        {
            return false;
        }

        Expect(ref reader, JsonTokenType.StartObject, "values");
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = scratch.ComponentNames.Read(ref reader, "a component name")!;
            Next(ref reader);
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value))
            {
                throw new JsonException("a component value must be a JSON number");
            }

            components.Add(name, value, (int)reader.TokenStartIndex, reader.ValueSpan.Length);
        }

        return true;
    }

    private static NumberText ReadInt64(ref Utf8JsonReader reader, string field) => ReadWhole(ref reader, $"{field} must be a whole JSON number");

    /// <summary>The next token as a whole number and where its text lies in the body; else a <see cref="JsonException"/> with <paramref name="error"/>.</summary>
    private static NumberText ReadWhole(ref Utf8JsonReader reader, string error)
    {
        if (Next(ref reader) != JsonTokenType.Number || !reader.TryGetInt64(out var value))
        {
            throw new JsonException(error);
        }

        return new NumberText(value, (int)reader.TokenStartIndex, reader.ValueSpan.Length);
    }

    /// <summary>A member name, exactly or ignoring ASCII case (as the serializer's web defaults match them).</summary>
    private static bool IsName(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, string name)
    {
        if (reader.ValueTextEquals(utf8))
        {
            return true;
        }

        return reader.ValueIsEscaped
            ? string.Equals(reader.GetString(), name, StringComparison.OrdinalIgnoreCase)
            : reader.ValueSpan.Length == utf8.Length && Ascii.EqualsIgnoreCase(reader.ValueSpan, utf8);
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("the batch ends too early");
        }

        return reader.TokenType;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"{what} must be a JSON {(type == JsonTokenType.StartArray ? "array" : "object")}");
        }
    }
}
