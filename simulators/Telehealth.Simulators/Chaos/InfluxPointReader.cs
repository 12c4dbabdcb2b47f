using System.Text.Json;

namespace Telehealth.Simulators.Chaos;

/// <summary>
/// Reads every point of one patient, in every measurement, with InfluxQL (<c>/query</c>, <c>epoch=ms</c>,
/// <c>GROUP BY *</c> so that tags and fields stay apart), and checks the row count against <c>count()</c>.
/// </summary>
public sealed class InfluxPointReader(HttpClient http, Uri influx, string database)
{
    private const string ReceivedField = "received_ms";

    public async Task<IReadOnlyList<StoredPoint>> ReadAsync(string patient, CancellationToken cancellationToken)
    {
        var points = new List<StoredPoint>();
        using var json = await QueryAsync($"SELECT * FROM /.*/ WHERE \"patient\" = {Literal(patient)} GROUP BY *", cancellationToken);
        foreach (var series in Series(json))
        {
            var measurement = series.GetProperty("name").GetString() ?? "";
            var device = series.TryGetProperty("tags", out var tags) && tags.TryGetProperty("device", out var d) ? d.GetString() ?? "" : "";
            var columns = series.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToArray();
            foreach (var row in series.GetProperty("values").EnumerateArray())
            {
                long time = 0;
                var values = new Dictionary<string, double>(StringComparer.Ordinal);
                var i = 0;
                foreach (var cell in row.EnumerateArray())
                {
                    var column = columns[i++];
                    if (column == "time")
                    {
                        time = cell.GetInt64();
                    }
                    else if (column != ReceivedField && cell.ValueKind == JsonValueKind.Number)
                    {
                        values[column] = cell.GetDouble();
                    }
                }

                points.Add(new StoredPoint(new SampleKey(measurement, device, time), values));
            }
        }

        var counted = await CountAsync(patient, cancellationToken);
        if (counted != points.Count)
        {
            throw new InvalidOperationException($"InfluxDB returned {points.Count} rows but count() says {counted} points (a row limit?)");
        }

        return points;
    }

    /// <summary>Points of the patient in all measurements (<c>count("received_ms")</c>, a field every point has).</summary>
    public async Task<long> CountAsync(string patient, CancellationToken cancellationToken)
    {
        using var json = await QueryAsync($"SELECT count(\"{ReceivedField}\") FROM /.*/ WHERE \"patient\" = {Literal(patient)}", cancellationToken);
        long total = 0;
        foreach (var series in Series(json))
        {
            foreach (var row in series.GetProperty("values").EnumerateArray())
            {
                total += row[1].ValueKind == JsonValueKind.Number ? row[1].GetInt64() : 0;
            }
        }

        return total;
    }

    private static IEnumerable<JsonElement> Series(JsonDocument json)
    {
        foreach (var result in json.RootElement.GetProperty("results").EnumerateArray())
        {
            if (result.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException("InfluxDB: " + error.GetString());
            }

            if (result.TryGetProperty("series", out var series))
            {
                foreach (var one in series.EnumerateArray())
                {
                    yield return one;
                }
            }
        }
    }

    private async Task<JsonDocument> QueryAsync(string query, CancellationToken cancellationToken)
    {
        var url = new Uri(influx, $"/query?db={Uri.EscapeDataString(database)}&epoch=ms&q={Uri.EscapeDataString(query)}");
        await using var body = await http.GetStreamAsync(url, cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }

    private static string Literal(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
