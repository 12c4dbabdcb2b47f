using System.Globalization;
using System.Text.Json;

namespace Telehealth.Ingest.Storage.InfluxQl;

/// <summary>One series of an InfluxQL answer: a measurement, its group-by tags, columns and rows.</summary>
public sealed class InfluxQlSeries
{
    public InfluxQlSeries(
        string name,
        IReadOnlyDictionary<string, string> tags,
        IReadOnlyList<string> columns,
        IReadOnlyList<IReadOnlyList<JsonElement>> values)
    {
        Name = name;
        Tags = tags;
        Columns = columns;
        Values = values;
    }

    /// <summary>The measurement (or, for SHOW statements, what was listed).</summary>
    public string Name { get; }

    /// <summary>Tags of this series when the query grouped by tags; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; }

    /// <summary>Column names; <c>time</c> first for SELECT.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Rows, one value per column. With <c>epoch=ms</c> the time column is Unix milliseconds.</summary>
    public IReadOnlyList<IReadOnlyList<JsonElement>> Values { get; }

    /// <summary>The index of a column, or -1.</summary>
    public int ColumnIndex(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A number in a row, or null when the cell is null.</summary>
    public double? GetDouble(int row, string column)
    {
        var cell = Cell(row, column);
        return cell.ValueKind == JsonValueKind.Null ? null : cell.GetDouble();
    }

    /// <summary>An integer in a row (e.g. <c>time</c> or an integer field), or null when the cell is null.</summary>
    public long? GetInt64(int row, string column)
    {
        var cell = Cell(row, column);
        return cell.ValueKind == JsonValueKind.Null ? null : cell.GetInt64();
    }

    /// <summary>A cell as text (strings as they are, numbers invariant), or null when the cell is null.</summary>
    public string? GetString(int row, string column)
    {
        var cell = Cell(row, column);
        return cell.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => cell.GetString(),
            JsonValueKind.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
            _ => cell.GetRawText(),
        };
    }

    private JsonElement Cell(int row, string column)
    {
        var index = ColumnIndex(column);
        if (index < 0)
        {
            throw new KeyNotFoundException($"Series '{Name}' has no column '{column}'.");
        }

        var values = Values[row];
        return index < values.Count ? values[index] : default;
    }
}
