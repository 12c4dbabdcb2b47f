using System.Text.Json;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Telemetry;

namespace Telehealth.Ingest.Batches;

/// <summary>The <c>series</c> form of a batch (<see cref="IngestSeries"/>): a header per series, then compact points.</summary>
public static partial class BatchReader
{
    private static void ReadSeries(ref Utf8JsonReader reader, ParsedBatch batch, ReadingScratch scratch, ReadOnlySpan<byte> json)
    {
        Expect(ref reader, JsonTokenType.StartObject, "a series");
        var header = new SeriesHeader();
        scratch.SeriesComponents.Clear();
        Utf8JsonReader deferred = default;
        var hasDeferred = false;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            if (IsName(ref reader, "deviceId"u8, "deviceId"))
            {
                Next(ref reader);
                header.DeviceId = scratch.DeviceIds.Read(ref reader, "deviceId");
                header.See(SeriesHeader.Device, "deviceId");
            }
            else if (IsName(ref reader, "metric"u8, "metric"))
            {
                Next(ref reader);
                header.Metric = scratch.Metrics.Read(ref reader, "metric");
                header.See(SeriesHeader.MetricSeen, "metric");
            }
            else if (IsName(ref reader, "unit"u8, "unit"))
            {
                Next(ref reader);
                header.Unit = scratch.Units.Read(ref reader, "unit");
                header.See(SeriesHeader.UnitSeen, "unit");
            }
            else if (IsName(ref reader, "components"u8, "components"))
            {
                header.See(SeriesHeader.ComponentsSeen, "components");
                ReadComponentNames(ref reader, scratch);
            }
            else if (IsName(ref reader, "points"u8, "points"))
            {
                header.See(SeriesHeader.PointsSeen, "points");
                if (Next(ref reader) == JsonTokenType.Null)
                {
                    continue;
                }

                Expect(ref reader, JsonTokenType.StartArray, "points");
                if ((header.Seen & SeriesHeader.Header) == SeriesHeader.Header)
                {
                    ReadPoints(ref reader, batch, scratch, header, json); // the usual order: the header first
                }
                else
                {
                    // Points before (part of) the header: read them once the series object is complete.
                    deferred = reader;
                    hasDeferred = true;
                    reader.Skip();
                }
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        if (hasDeferred)
        {
            ReadPoints(ref deferred, batch, scratch, header, json);
        }
    }

    /// <summary>Reads <c>components</c> (an array of strings, or null for none) into <see cref="ReadingScratch.SeriesComponents"/>.</summary>
    private static void ReadComponentNames(ref Utf8JsonReader reader, ReadingScratch scratch)
    {
        scratch.SeriesComponents.Clear();
        if (Next(ref reader) == JsonTokenType.Null)
        {
            return;
        }

        Expect(ref reader, JsonTokenType.StartArray, "components");
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("a component name must be a string");
            }

            scratch.SeriesComponents.Add(scratch.ComponentNames.Read(ref reader, "a component name")!);
        }
    }

    /// <summary>Reads the points array the reader stands at (its start), each as one reading of the series.</summary>
    private static void ReadPoints(ref Utf8JsonReader reader, ParsedBatch batch, ReadingScratch scratch, SeriesHeader header, ReadOnlySpan<byte> json)
    {
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            ReadPoint(ref reader, batch, scratch, header, json);
        }
    }

    private static void ReadPoint(ref Utf8JsonReader reader, ParsedBatch batch, ReadingScratch scratch, SeriesHeader header, ReadOnlySpan<byte> json)
    {
        var index = batch.ReadingIds.Count;
        if (reader.TokenType == JsonTokenType.Null)
        {
            batch.ReadingIds.Add(-1);
            batch.Reject(index, "point is null");
            batch.RejectedClasses.Add(RejectionClass.Malformed);
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException(IngestPointJsonConverter.Shape);
        }

        var id = ReadWhole(ref reader, IngestPointJsonConverter.Shape).Value;
        var deviceTime = ReadWhole(ref reader, IngestPointJsonConverter.Shape);
        var received = ReadWhole(ref reader, IngestPointJsonConverter.Shape);
        var names = scratch.SeriesComponents;
        var components = scratch.Components;
        components.Clear();
        var count = 0;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value))
            {
                throw new JsonException(IngestPointJsonConverter.Shape);
            }

            if (count < names.Count)
            {
                components.Add(names[count], value, (int)reader.TokenStartIndex, reader.ValueSpan.Length);
            }

            count++;
        }

        if (count != names.Count)
        {
            batch.ReadingIds.Add(id);
            NoteDevice(batch, scratch, header.DeviceId);
            batch.Reject(index, $"point has {count} value(s) for the series' {names.Count} component(s)");
            batch.RejectedClasses.Add(RejectionClass.Malformed);
            return;
        }

        Accept(batch, scratch, index, id, header.DeviceId, header.Metric, header.Unit, hasValues: true, deviceTime, received, json);
    }

    /// <summary>The header members of the series being read, and which members have been seen.</summary>
    private sealed class SeriesHeader
    {
        public const int Device = 1;
        public const int MetricSeen = 2;
        public const int UnitSeen = 4;
        public const int ComponentsSeen = 8;
        public const int PointsSeen = 16;
        public const int Header = Device | MetricSeen | UnitSeen | ComponentsSeen;

        public string? DeviceId { get; set; }

        public string? Metric { get; set; }

        public string? Unit { get; set; }

        public int Seen { get; private set; }

        /// <summary>Notes a member; a second one is refused, as it would be ambiguous which applies to the points.</summary>
        public void See(int member, string name)
        {
            if ((Seen & member) != 0)
            {
                throw new JsonException($"a series names {name} twice");
            }

            Seen |= member;
        }
    }
}
