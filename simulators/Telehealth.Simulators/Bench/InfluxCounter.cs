using System.Globalization;
using System.Text.Json;

namespace Telehealth.Simulators.Bench;

/// <summary>Counts a patient's points of one measurement with InfluxQL (<c>/query</c>, answered by 1.x, 2.x DBRP and 3.x).</summary>
public sealed class InfluxCounter(HttpClient http, Uri influx, string database, string measurement, string patient)
{
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var query = $"SELECT count(\"received_ms\") FROM \"{measurement}\" WHERE \"patient\" = '{patient.Replace("'", "\\'", StringComparison.Ordinal)}'";
        var url = new Uri(influx, $"/query?db={Uri.EscapeDataString(database)}&q={Uri.EscapeDataString(query)}");
        await using var body = await http.GetStreamAsync(url, cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        foreach (var result in json.RootElement.GetProperty("results").EnumerateArray())
        {
            if (result.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException("InfluxDB: " + error.GetString());
            }

            if (result.TryGetProperty("series", out var series))
            {
                return series[0].GetProperty("values")[0][1].GetInt64();
            }
        }

        return 0;
    }

    public static string Format(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
