using System.Text;
using Telehealth.Ingest.Batches;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Storage.LineProtocol;

namespace Telehealth.UnitTests.Ingest.Batches;

/// <summary>
/// What <see cref="BatchReader"/> must produce, the slow and obvious way: each reading through the validator and, if it
/// passes, the serializer. An item with a reason is rejected with it as it stands (null readings, malformed points).
/// </summary>
internal static class ReaderReference
{
    public sealed record Item(IngestReading? Reading, string? Rejected = null);

    public static (List<ReadingResult> Results, string Lines) Expected(IEnumerable<Item> items, string patient, long latest)
    {
        var results = new List<ReadingResult>();
        using var buffer = new LineProtocolBuffer();
        foreach (var (reading, forced) in items)
        {
            if (reading is null || forced is not null)
            {
                results.Add(new ReadingResult(reading?.Id ?? -1, ReadingStatus.Rejected, forced));
                continue;
            }

            if (BatchValidator.Check(patient, reading, latest) is { } rejected)
            {
                results.Add(new ReadingResult(reading.Id, ReadingStatus.Rejected, rejected.Reason));
                continue;
            }

            LineProtocolSerializer.WriteLine(buffer, patient, reading);
            results.Add(new ReadingResult(reading.Id, ReadingStatus.Stored));
        }

        return (results, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>A batch's readings in the order of its body (readings, then series), points flattened into readings.</summary>
    public static IEnumerable<Item> Flatten(IngestBatch batch)
    {
        foreach (var reading in batch.Readings ?? [])
        {
            yield return new Item(reading, reading is null ? "reading is null" : null);
        }

        foreach (var series in batch.Series ?? [])
        {
            var components = series.Components ?? [];
            foreach (var point in series.Points ?? [])
            {
                if (point is null)
                {
                    yield return new Item(null, "point is null");
                    continue;
                }

                var values = new Dictionary<string, double>(StringComparer.Ordinal);
                for (var i = 0; i < Math.Min(components.Count, point.Values.Count); i++)
                {
                    values[components[i]] = point.Values[i];
                }

                var reading = new IngestReading(point.Id, series.DeviceId, series.Metric, series.Unit, point.DeviceTimeMs, point.ReceivedAtMs, values);
                yield return point.Values.Count == components.Count
                    ? new Item(reading)
                    : new Item(reading, $"point has {point.Values.Count} value(s) for the series' {components.Count} component(s)");
            }
        }
    }
}
