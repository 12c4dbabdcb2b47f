namespace Telehealth.Ingest.Contracts.Batches;

/// <summary>
/// Consecutive readings of one device's metric in one unit with the same components, as compact points:
/// <c>{"deviceId":…,"metric":…,"unit":…,"components":["systolic","diastolic"],"points":[[id,deviceTimeMs,receivedAtMs,120,80],…]}</c>.
/// A point stands for the reading <see cref="IngestReading"/>(id, deviceId, metric, unit, deviceTimeMs, receivedAtMs,
/// components[i] → values[i]); one whose number of values differs from the number of components is rejected.
/// </summary>
/// <param name="DeviceId">The device that measured the points.</param>
/// <param name="Metric">Metric name from the catalogue.</param>
/// <param name="Unit">UCUM unit.</param>
/// <param name="Components">The component names, in the order of each point's values (a repeated name keeps its last value).</param>
/// <param name="Points">The readings, in buffer order.</param>
public sealed record IngestSeries(string DeviceId, string Metric, string Unit, IReadOnlyList<string> Components, IReadOnlyList<IngestPoint> Points)
{
    /// <summary>
    /// Groups <paramref name="readings"/> into series, keeping their order: a reading joins the series before it when it
    /// has the same device, metric, unit and component names; otherwise it starts a new one.
    /// </summary>
    public static List<IngestSeries> Group(IReadOnlyList<IngestReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var series = new List<IngestSeries>();
        List<IngestPoint>? points = null;
        string[] components = [];
        IngestReading? first = null;
        foreach (var reading in readings)
        {
            if (first is null || !SameSeries(first, components, reading))
            {
                first = reading;
                components = [.. reading.Values.Keys];
                points = [];
                series.Add(new IngestSeries(reading.DeviceId, reading.Metric, reading.Unit, components, points));
            }

            var values = new double[components.Length];
            for (var i = 0; i < components.Length; i++)
            {
                values[i] = reading.Values[components[i]];
            }

            points!.Add(new IngestPoint(reading.Id, reading.DeviceTimeMs, reading.ReceivedAtMs, values));
        }

        return series;
    }

    private static bool SameSeries(IngestReading first, string[] components, IngestReading reading)
    {
        if (!string.Equals(first.DeviceId, reading.DeviceId, StringComparison.Ordinal) || !string.Equals(first.Metric, reading.Metric, StringComparison.Ordinal)
            || !string.Equals(first.Unit, reading.Unit, StringComparison.Ordinal) || reading.Values.Count != components.Length)
        {
            return false;
        }

        foreach (var name in components)
        {
            if (!reading.Values.ContainsKey(name))
            {
                return false;
            }
        }

        return true;
    }
}
