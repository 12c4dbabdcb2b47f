using System.Globalization;

namespace Telehealth.IntegrationTests.Fixtures;

/// <summary>A sample the gateway acknowledged, as the simulator's --acked-log recorded it.</summary>
public sealed record AckedReading(string Device, string Metric, long TimeMs, IReadOnlyDictionary<string, double> Values)
{
    public static IReadOnlyList<AckedReading> ReadLog(string path)
    {
        var result = new List<AckedReading>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('\t');
            var values = parts[3].Split(';').Select(p => p.Split('=')).ToDictionary(
                kv => kv[0], kv => double.Parse(kv[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
            result.Add(new AckedReading(parts[0], parts[1], long.Parse(parts[2], CultureInfo.InvariantCulture), values));
        }

        return result;
    }
}
