using Telehealth.Simulators.Wearables;

namespace Telehealth.Simulators.Chaos;

/// <summary>
/// Compares what the devices published and had acknowledged with what InfluxDB holds for the chaos patient.
/// A point <em>matches</em> a published sample when measurement, device tag and ms timestamp are the sample's and its
/// component fields are exactly the sample's values.
/// <list type="bullet">
/// <item><c>acked</c>: distinct (metric, device, time) of acknowledged samples.</item>
/// <item><c>stored</c>: acknowledged samples with at least one matching point.</item>
/// <item><c>lost</c> = acked − stored.</item>
/// <item><c>duplicates</c> = points − distinct published samples with at least one matching point: every second point
/// for one sample (in another series, or at another time) and every point that matches no published sample.</item>
/// </list>
/// Published but unacknowledged samples (the publisher stopped, or a PUBACK was lost with the killed gateway) may be
/// stored or not: either is correct, and neither counts.
/// </summary>
public static class Kill9Tally
{
    public static Kill9Counts Count(IEnumerable<LoggedSample> acked, IEnumerable<LoggedSample> published, IReadOnlyCollection<StoredPoint> points)
    {
        var ackedKeys = new HashSet<SampleKey>();
        var samples = new Dictionary<SampleKey, IReadOnlyList<KeyValuePair<string, double>>>();
        foreach (var sample in acked)
        {
            var key = new SampleKey(sample.Metric, sample.Device, sample.TimeMs);
            ackedKeys.Add(key);
            samples.TryAdd(key, sample.Values);
        }

        foreach (var sample in published)
        {
            samples.TryAdd(new SampleKey(sample.Metric, sample.Device, sample.TimeMs), sample.Values);
        }

        var matched = new HashSet<SampleKey>();
        long unmatched = 0;
        foreach (var point in points)
        {
            if (samples.TryGetValue(point.Key, out var values) && SameValues(values, point.Values))
            {
                matched.Add(point.Key);
            }
            else
            {
                unmatched++;
            }
        }

        var lost = ackedKeys.Where(k => !matched.Contains(k)).OrderBy(k => k.TimeMs).ToList();
        return new Kill9Counts(ackedKeys.Count, ackedKeys.Count - lost.Count, points.Count, matched.Count, unmatched, lost);
    }

    private static bool SameValues(IReadOnlyList<KeyValuePair<string, double>> sample, IReadOnlyDictionary<string, double> point)
        => sample.Count == point.Count
           && sample.All(v => point.TryGetValue(v.Key, out var stored) && stored.Equals(v.Value));
}
