using System.Text;
using System.Text.Json;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Storage.LineProtocol;
using Telehealth.Ingest.Telemetry;

namespace Telehealth.Ingest.Batches;

/// <summary>
/// The ingest's hot path: reads an <see cref="IngestBatch"/> body with one <see cref="Utf8JsonReader"/> pass, validates
/// each reading as it is read (<see cref="BatchValidator.Check"/>) and writes the valid ones as line protocol at once,
/// without building the batch's object graph. Accepts exactly what the source-generated <c>IngestJsonContext</c>
/// accepts (camelCase names matched case-insensitively, numbers as JSON numbers only, unknown members skipped, a missing
/// member as its default, depth ≤ 64, one JSON value) and rejects the rest with a <see cref="JsonException"/>; a second
/// <c>readings</c> member is refused as well (it would be ambiguous).
/// </summary>
public static class BatchReader
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
                ReadEnvelope(ref reader, batch, patientId, latestDeviceTimeMs);
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

    private static void ReadEnvelope(ref Utf8JsonReader reader, ParsedBatch batch, string patientId, long latestDeviceTimeMs)
    {
        var scratch = new ReadingScratch();
        var seenReadings = false;
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
                    ReadReading(ref reader, batch, scratch, patientId, latestDeviceTimeMs);
                }
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }
    }

    private static void ReadReading(ref Utf8JsonReader reader, ParsedBatch batch, ReadingScratch scratch, string patientId, long latestDeviceTimeMs)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            batch.Results.Add(new ReadingResult(-1, ReadingStatus.Rejected, "reading is null"));
            batch.RejectedClasses.Add(RejectionClass.Malformed);
            return;
        }

        Expect(ref reader, JsonTokenType.StartObject, "a reading");
        long id = 0, deviceTimeMs = 0, receivedAtMs = 0;
        string? deviceId = null, metric = null, unit = null;
        var hasValues = false;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            if (IsName(ref reader, "id"u8, "id"))
            {
                id = ReadInt64(ref reader, "id");
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
                deviceTimeMs = ReadInt64(ref reader, "deviceTimeMs");
            }
            else if (IsName(ref reader, "receivedAtMs"u8, "receivedAtMs"))
            {
                receivedAtMs = ReadInt64(ref reader, "receivedAtMs");
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

        if (!string.IsNullOrEmpty(deviceId))
        {
            batch.DeviceIds.Add(deviceId);
        }

        // One record per reading over the batch's shared values dictionary: used for this reading only, then dropped.
        var reading = new IngestReading(id, deviceId!, metric!, unit!, deviceTimeMs, receivedAtMs, hasValues ? scratch.Values : null!);
        var rejection = BatchValidator.Check(patientId, reading, latestDeviceTimeMs);
        if (rejection is { } rejected)
        {
            batch.Results.Add(new ReadingResult(id, ReadingStatus.Rejected, rejected.Reason));
            batch.RejectedClasses.Add(rejected.Class);
            return;
        }

        var start = batch.Lines.WrittenCount;
        WriteLine(batch, scratch, patientId, reading);
        batch.StoredLines.Add(new StoredLine(batch.Results.Count, start, batch.Lines.WrittenCount - start));
        batch.Results.Add(new ReadingResult(id, ReadingStatus.Stored));
    }

    /// <summary>
    /// Writes the reading's line; its series key (measurement and tags) is copied from the previous line when metric and
    /// device are the same strings (<see cref="RepeatedText"/> hands out the same instance for the same text).
    /// </summary>
    private static void WriteLine(ParsedBatch batch, ReadingScratch scratch, string patientId, IngestReading reading)
    {
        var lines = batch.Lines;
        if (ReferenceEquals(reading.Metric, scratch.KeyMetric) && ReferenceEquals(reading.DeviceId, scratch.KeyDevice))
        {
            var target = lines.GetSpan(scratch.KeyLength); // may move the buffer: read the previous key after it
            lines.WrittenSpan.Slice(scratch.KeyStart, scratch.KeyLength).CopyTo(target);
            scratch.KeyStart = lines.WrittenCount;
            lines.Advance(scratch.KeyLength);
        }
        else
        {
            scratch.KeyStart = lines.WrittenCount;
            LineProtocolSerializer.WriteSeriesKey(lines, patientId, reading);
            scratch.KeyLength = lines.WrittenCount - scratch.KeyStart;
            scratch.KeyMetric = reading.Metric;
            scratch.KeyDevice = reading.DeviceId;
        }

        LineProtocolSerializer.WriteFieldsAndTime(lines, reading);
    }

    /// <summary>Reads <c>values</c> into the shared dictionary (a repeated name keeps its last value); false for null.</summary>
    private static bool ReadValues(ref Utf8JsonReader reader, ReadingScratch scratch)
    {
        scratch.Values.Clear();
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

            scratch.Values[name] = value;
        }

        return true;
    }

    private static long ReadInt64(ref Utf8JsonReader reader, string field)
    {
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value))
        {
            throw new JsonException($"{field} must be a whole JSON number");
        }

        return value;
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
