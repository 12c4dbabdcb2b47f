using Telehealth.Simulators.Chaos;
using Telehealth.Simulators.Wearables;

namespace Telehealth.UnitTests.Simulators.Chaos;

public sealed class Kill9TallyTests
{
    private static readonly LoggedSample HeartRate = new("chaos-1", "heart_rate", 1_795_000_000_000, [new("value", 72.5)]);
    private static readonly LoggedSample BloodPressure = new("chaos-3", "blood_pressure", 1_795_000_000_001,
        [new("systolic", 128), new("diastolic", 82.1), new("map", 97.4)]);

    [Fact]
    public void Count_EveryAckedSampleStoredOnce_NothingLostOrDuplicated()
    {
        var counts = Kill9Tally.Count([HeartRate, BloodPressure], [HeartRate, BloodPressure], [Point(HeartRate), Point(BloodPressure)]);

        Assert.Equal("acked=2 stored=2 lost=0 duplicates=0", counts.Line);
    }

    [Fact]
    public void Count_AckedSampleMissingInInflux_CountsItLost()
    {
        var counts = Kill9Tally.Count([HeartRate, BloodPressure], [HeartRate, BloodPressure], [Point(BloodPressure)]);

        Assert.Equal("acked=2 stored=1 lost=1 duplicates=0", counts.Line);
        Assert.Equal(new SampleKey("heart_rate", "chaos-1", HeartRate.TimeMs), Assert.Single(counts.LostSamples));
    }

    [Fact]
    public void Count_PointWithOtherValues_CountsLostAndDuplicate()
    {
        var wrong = Point(HeartRate) with { Values = new Dictionary<string, double>(StringComparer.Ordinal) { ["value"] = 73 } };

        var counts = Kill9Tally.Count([HeartRate], [HeartRate], [wrong]);

        Assert.Equal("acked=1 stored=0 lost=1 duplicates=1", counts.Line);
        Assert.Equal(1, counts.UnmatchedPoints);
    }

    [Fact]
    public void Count_PointMissingAComponent_DoesNotMatch()
    {
        var partial = Point(BloodPressure) with
        {
            Values = new Dictionary<string, double>(StringComparer.Ordinal) { ["systolic"] = 128, ["diastolic"] = 82.1 },
        };

        var counts = Kill9Tally.Count([BloodPressure], [BloodPressure], [partial]);

        Assert.Equal("acked=1 stored=0 lost=1 duplicates=1", counts.Line);
    }

    [Fact]
    public void Count_TwoPointsForOneSample_CountsOneDuplicate()
    {
        var counts = Kill9Tally.Count([HeartRate], [HeartRate], [Point(HeartRate), Point(HeartRate)]);

        Assert.Equal("acked=1 stored=1 lost=0 duplicates=1", counts.Line);
        Assert.Equal(0, counts.UnmatchedPoints);
    }

    [Fact]
    public void Count_PointAtAnotherTime_CountsLostAndDuplicate()
    {
        var shifted = Point(HeartRate) with { Key = new SampleKey("heart_rate", "chaos-1", HeartRate.TimeMs + 1) };

        var counts = Kill9Tally.Count([HeartRate], [HeartRate], [shifted]);

        Assert.Equal("acked=1 stored=0 lost=1 duplicates=1", counts.Line);
    }

    [Fact]
    public void Count_PublishedButUnacknowledgedSampleStored_IsNeitherLostNorDuplicate()
    {
        var counts = Kill9Tally.Count([HeartRate], [HeartRate, BloodPressure], [Point(HeartRate), Point(BloodPressure)]);

        Assert.Equal("acked=1 stored=1 lost=0 duplicates=0", counts.Line);
        Assert.Equal(2, counts.MatchedSamples);
    }

    [Fact]
    public void Count_SampleAcknowledgedTwice_CountsOnce()
    {
        var counts = Kill9Tally.Count([HeartRate, HeartRate], [HeartRate], [Point(HeartRate)]);

        Assert.Equal("acked=1 stored=1 lost=0 duplicates=0", counts.Line);
    }

    private static StoredPoint Point(LoggedSample sample)
        => new(new SampleKey(sample.Metric, sample.Device, sample.TimeMs), sample.Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal));
}
