using Telehealth.Gateway.Core.Buffer;
using Telehealth.Gateway.Core.Forwarding;
using Telehealth.Gateway.Core.Readings;

namespace Telehealth.UnitTests.Gateway.Forwarding;

public sealed class BatchSizerTests
{
    private static BufferedReading Row(long offset) => new(offset, new DeviceReading("device-1", "heart_rate", "/min", offset, offset, new Dictionary<string, double> { ["value"] = 70 }));

    [Fact]
    public void Cut_KeepsTheLongestPrefixWithinTheBound()
    {
        var rows = Enumerable.Range(1, 100).Select(i => Row(i)).ToList();
        var each = BatchSizer.EstimateBytes(rows[0]);

        var cut = BatchSizer.Cut(rows, (each * 10) + (each / 2), out var wasCut);

        Assert.True(wasCut);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), cut.Select(r => r.Offset));
    }

    [Fact]
    public void Cut_ReturnsEverythingWhenItFits_AndAlwaysAtLeastOneRow()
    {
        var rows = Enumerable.Range(1, 5).Select(i => Row(i)).ToList();

        Assert.Same(rows, BatchSizer.Cut(rows, int.MaxValue, out var notCut));
        Assert.False(notCut);
        Assert.Single(BatchSizer.Cut(rows, 1, out var cut));
        Assert.True(cut);
    }

    [Fact]
    public void Estimate_IsNotBelowTheRealJsonSize()
    {
        var row = Row(123_456_789);
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new Telehealth.Ingest.Contracts.Batches.IngestReading(row.Offset, row.Reading.DeviceId, row.Reading.Metric, row.Reading.Unit,
                1_795_000_000_000, 1_795_000_000_005, row.Reading.Values),
            Telehealth.Ingest.Contracts.Batches.IngestJsonContext.Default.IngestReading);

        Assert.True(BatchSizer.EstimateBytes(row) >= json.Length, $"estimate {BatchSizer.EstimateBytes(row)} < actual {json.Length}");
    }
}
