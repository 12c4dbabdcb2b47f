using System.Globalization;

namespace Telehealth.Simulators.Chaos;

/// <summary>
/// The verdict of a kill -9 run (definitions in <see cref="Kill9Tally"/> and docs/fault-tests.md).
/// </summary>
/// <param name="Acked">Distinct samples the gateway acknowledged (PUBACK success).</param>
/// <param name="Stored">Acknowledged samples found in InfluxDB with equal values.</param>
/// <param name="Points">All points of the chaos patient in InfluxDB.</param>
/// <param name="MatchedSamples">Distinct published samples with at least one matching point.</param>
/// <param name="UnmatchedPoints">Points that match no published sample at all (wrong key or values).</param>
/// <param name="LostSamples">The acknowledged samples not found, for diagnosis.</param>
public sealed record Kill9Counts(long Acked, long Stored, long Points, long MatchedSamples, long UnmatchedPoints, IReadOnlyList<SampleKey> LostSamples)
{
    /// <summary>Acknowledged samples not found in InfluxDB with equal values.</summary>
    public long Lost => Acked - Stored;

    /// <summary>Points that are not exactly one distinct published sample: <c>Points − MatchedSamples</c>.</summary>
    public long Duplicates => Points - MatchedSamples;

    /// <summary>The fixed last line.</summary>
    public string Line => string.Create(CultureInfo.InvariantCulture, $"acked={Acked} stored={Stored} lost={Lost} duplicates={Duplicates}");
}
