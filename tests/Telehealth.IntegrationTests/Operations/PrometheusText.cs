using System.Globalization;

namespace Telehealth.IntegrationTests.Operations;

/// <summary>Reads samples out of a Prometheus text exposition.</summary>
public static class PrometheusText
{
    /// <summary>
    /// The sum of all samples named <paramref name="name"/> whose labels include every <paramref name="labels"/> pair
    /// (other labels, such as otel_scope_name, are allowed); 0 when there is none.
    /// </summary>
    public static double Sum(string exposition, string name, params (string Key, string Value)[] labels)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        var sum = 0.0;
        foreach (var raw in exposition.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var nameEnd = line.IndexOfAny(['{', ' ']);
            if (nameEnd < 0 || !line.AsSpan(0, nameEnd).SequenceEqual(name))
            {
                continue;
            }

            var labelText = "";
            var rest = line[nameEnd..];
            if (rest[0] == '{')
            {
                var close = rest.LastIndexOf('}');
                labelText = rest[1..close];
                rest = rest[(close + 1)..];
            }

            if (labels.All(l => labelText.Contains($"{l.Key}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                sum += double.Parse(rest.Trim().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }
}
