using System.Text.Json;

namespace Telehealth.Ingest.Storage.InfluxQl;

/// <summary>
/// Reads InfluxDB's <c>/query</c> JSON: <c>{"results":[{"statement_id":0,"series":[{"name","tags","columns",
/// "values"}],"messages":[…],"error":"…"}],"error":"…"}</c>. An error anywhere becomes an <see cref="InfluxQlException"/>.
/// </summary>
public static class InfluxQlResultParser
{
    /// <summary>Parses one answer. <paramref name="statusCode"/> is carried into any exception.</summary>
    public static InfluxQlResult Parse(ReadOnlySpan<byte> json, int statusCode = 200)
    {
        JsonElement root;
        try
        {
            // One standalone copy; the cells of every row point into it.
            var reader = new Utf8JsonReader(json);
            root = JsonElement.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new InfluxQlException($"InfluxDB answered ({statusCode}) with something that is not JSON.", ex)
            {
                StatusCode = statusCode,
            };
        }

        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Error("the answer is not a JSON object", statusCode);
            }

            if (root.TryGetProperty("error", out var topError))
            {
                throw Error(topError.ToString(), statusCode);
            }

            var series = new List<InfluxQlSeries>();
            var messages = new List<string>();
            if (root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
            {
                foreach (var statement in results.EnumerateArray())
                {
                    ReadStatement(statement, series, messages, statusCode);
                }
            }

            return new InfluxQlResult(series, messages);
        }
    }

    private static void ReadStatement(JsonElement statement, List<InfluxQlSeries> series, List<string> messages, int statusCode)
    {
        if (statement.TryGetProperty("error", out var error))
        {
            throw Error(error.ToString(), statusCode);
        }

        if (statement.TryGetProperty("messages", out var statementMessages) && statementMessages.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in statementMessages.EnumerateArray())
            {
                messages.Add($"{Text(message, "level")}: {Text(message, "text")}");
            }
        }

        if (!statement.TryGetProperty("series", out var seriesArray) || seriesArray.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in seriesArray.EnumerateArray())
        {
            series.Add(ReadSeries(item));
        }
    }

    private static InfluxQlSeries ReadSeries(JsonElement item)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (item.TryGetProperty("tags", out var tagObject) && tagObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var tag in tagObject.EnumerateObject())
            {
                tags[tag.Name] = tag.Value.ValueKind == JsonValueKind.String ? tag.Value.GetString() ?? "" : tag.Value.GetRawText();
            }
        }

        var columns = new List<string>();
        if (item.TryGetProperty("columns", out var columnArray) && columnArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var column in columnArray.EnumerateArray())
            {
                columns.Add(column.GetString() ?? "");
            }
        }

        var rows = new List<IReadOnlyList<JsonElement>>();
        if (item.TryGetProperty("values", out var valueArray) && valueArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in valueArray.EnumerateArray())
            {
                var cells = new List<JsonElement>(columns.Count);
                foreach (var cell in row.EnumerateArray())
                {
                    cells.Add(cell);
                }

                rows.Add(cells);
            }
        }

        return new InfluxQlSeries(Text(item, "name"), tags, columns, rows);
    }

    private static string Text(JsonElement element, string property)
        => element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static InfluxQlException Error(string message, int statusCode)
        => new($"InfluxDB refused the query ({statusCode}): {message}") { ServerMessage = message, StatusCode = statusCode };
}
