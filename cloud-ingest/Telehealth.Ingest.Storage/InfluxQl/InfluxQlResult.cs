namespace Telehealth.Ingest.Storage.InfluxQl;

/// <summary>The series of an InfluxQL answer (all statements, in order) and any warnings the server sent.</summary>
public sealed class InfluxQlResult
{
    public InfluxQlResult(IReadOnlyList<InfluxQlSeries> series, IReadOnlyList<string> messages)
    {
        Series = series;
        Messages = messages;
    }

    /// <summary>All series; empty when nothing matched.</summary>
    public IReadOnlyList<InfluxQlSeries> Series { get; }

    /// <summary>Statement messages (e.g. deprecation warnings), as <c>level: text</c>.</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>The number of rows over all series.</summary>
    public int RowCount => Series.Sum(s => s.Values.Count);
}
