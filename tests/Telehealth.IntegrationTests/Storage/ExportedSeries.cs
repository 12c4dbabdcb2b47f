using System.Diagnostics;
using System.Text.Json;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Storage;

/// <summary>One series from VictoriaMetrics' <c>/api/v1/export</c>, samples in time order.</summary>
internal sealed record ExportedSeries(string Name, string Device, IReadOnlyList<(long TimeMs, double Value)> Samples)
{
    /// <summary>
    /// Exports until every expected series has at least the expected number of samples (new series can take a moment
    /// to become searchable even after a flush), or 10 s have passed; returns the last export either way.
    /// </summary>
    public static async Task<Dictionary<string, ExportedSeries>> ExportAsync(
        VictoriaMetricsServer server, string selector, IReadOnlyDictionary<string, int> minimumSamples, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var series = ParseExport(await server.ExportAsync(selector, cancellationToken));
            var complete = minimumSamples.All(m => series.TryGetValue(m.Key, out var s) && s.Samples.Count >= m.Value);
            if (complete || elapsed.Elapsed > TimeSpan.FromSeconds(10))
            {
                return series;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Reads the export's JSON lines, keyed by metric name (<c>measurement_field</c>).</summary>
    public static Dictionary<string, ExportedSeries> ParseExport(string export)
    {
        var series = new Dictionary<string, ExportedSeries>(StringComparer.Ordinal);
        foreach (var line in export.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var metric = root.GetProperty("metric");
            var samples = root.GetProperty("timestamps").EnumerateArray()
                .Zip(root.GetProperty("values").EnumerateArray(), (t, v) => (TimeMs: t.GetInt64(), Value: v.GetDouble()))
                .OrderBy(s => s.TimeMs)
                .ToList();
            var name = metric.GetProperty("__name__").GetString()!;
            series.Add(name, new ExportedSeries(name, metric.GetProperty("device").GetString()!, samples));
        }

        return series;
    }
}
