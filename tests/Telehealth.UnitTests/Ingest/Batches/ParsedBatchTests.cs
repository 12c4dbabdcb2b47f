using Telehealth.Ingest.Batches;
using Telehealth.Ingest.Contracts.Batches;

namespace Telehealth.UnitTests.Ingest.Batches;

/// <summary>
/// The answer built from a parsed batch: every reading in order (full form) or only the rejected ones in order (minimal
/// form), whatever order the rejections came in (parse rejections first, the store's refusals later).
/// </summary>
public sealed class ParsedBatchTests
{
    [Fact]
    public void NoRejections_AllResultsAreStoredInOrder_AndNothingIsNotStored()
    {
        using var batch = Batch(10, 11, 12);

        Assert.Equal(
            [new ReadingResult(10, ReadingStatus.Stored), new ReadingResult(11, ReadingStatus.Stored), new ReadingResult(12, ReadingStatus.Stored)],
            batch.AllResults());
        Assert.Empty(batch.NotStoredResults());
        Assert.Equal(0, batch.RejectedCount);
    }

    [Fact]
    public void RejectionsInOrder_AreListedAtTheirReadings()
    {
        using var batch = Batch(100, 101, 102, 103);
        batch.Reject(1, "wrong unit");
        batch.Reject(3, "unknown metric");

        Assert.Equal(
            [
                new ReadingResult(100, ReadingStatus.Stored),
                new ReadingResult(101, ReadingStatus.Rejected, "wrong unit"),
                new ReadingResult(102, ReadingStatus.Stored),
                new ReadingResult(103, ReadingStatus.Rejected, "unknown metric"),
            ],
            batch.AllResults());
        Assert.Equal(
            [new ReadingResult(101, ReadingStatus.Rejected, "wrong unit"), new ReadingResult(103, ReadingStatus.Rejected, "unknown metric")],
            batch.NotStoredResults());
        Assert.Equal(2, batch.RejectedCount);
    }

    [Fact]
    public void StoreRefusalsAfterParseRejections_AreSortedIntoTheBatchOrder()
    {
        using var batch = Batch(50, 51, 52, 53, 54, 55);
        batch.Reject(2, "outside plausible range");
        batch.Reject(5, "wrong unit");
        batch.Reject(0, "refused by the time-series store: a");
        batch.Reject(4, "refused by the time-series store: b");

        Assert.Equal(
            [
                new ReadingResult(50, ReadingStatus.Rejected, "refused by the time-series store: a"),
                new ReadingResult(51, ReadingStatus.Stored),
                new ReadingResult(52, ReadingStatus.Rejected, "outside plausible range"),
                new ReadingResult(53, ReadingStatus.Stored),
                new ReadingResult(54, ReadingStatus.Rejected, "refused by the time-series store: b"),
                new ReadingResult(55, ReadingStatus.Rejected, "wrong unit"),
            ],
            batch.AllResults());
        Assert.Equal(
            [
                new ReadingResult(50, ReadingStatus.Rejected, "refused by the time-series store: a"),
                new ReadingResult(52, ReadingStatus.Rejected, "outside plausible range"),
                new ReadingResult(54, ReadingStatus.Rejected, "refused by the time-series store: b"),
                new ReadingResult(55, ReadingStatus.Rejected, "wrong unit"),
            ],
            batch.NotStoredResults());
        Assert.Equal(4, batch.RejectedCount);
    }

    [Fact]
    public void MinimalFormFirst_ThenFullForm_BothInOrder()
    {
        using var batch = Batch(1, 2, 3);
        batch.Reject(2, "c");
        batch.Reject(0, "a");

        Assert.Equal([1L, 3], batch.NotStoredResults().Select(r => r.Id));
        Assert.Equal(
            [new ReadingResult(1, ReadingStatus.Rejected, "a"), new ReadingResult(2, ReadingStatus.Stored), new ReadingResult(3, ReadingStatus.Rejected, "c")],
            batch.AllResults());
    }

    [Fact]
    public void RejectionAfterAnAnswerWasBuilt_IsSortedInToo()
    {
        using var batch = Batch(1, 2, 3, 4);
        batch.Reject(3, "d");
        batch.Reject(1, "b");
        Assert.Equal([2L, 4], batch.NotStoredResults().Select(r => r.Id));

        batch.Reject(2, "c");

        Assert.Equal([2L, 3, 4], batch.NotStoredResults().Select(r => r.Id));
        Assert.Equal(["b", "c", "d"], batch.NotStoredResults().Select(r => r.Reason));
        Assert.Equal(
            [ReadingStatus.Stored, ReadingStatus.Rejected, ReadingStatus.Rejected, ReadingStatus.Rejected],
            batch.AllResults().Select(r => r.Status));
        Assert.Equal(3, batch.RejectedCount);
    }

    [Fact]
    public void NullReading_IsAnsweredWithIdMinusOne()
    {
        using var batch = Batch(7, -1, 9);
        batch.Reject(1, "reading is null");

        Assert.Equal(
            [new ReadingResult(7, ReadingStatus.Stored), new ReadingResult(-1, ReadingStatus.Rejected, "reading is null"), new ReadingResult(9, ReadingStatus.Stored)],
            batch.AllResults());
        Assert.Equal([new ReadingResult(-1, ReadingStatus.Rejected, "reading is null")], batch.NotStoredResults());
    }

    [Fact]
    public void EveryReadingRejectedInReverse_BothFormsListAllInOrder()
    {
        using var batch = Batch(5, 6, 7);
        batch.Reject(2, "z");
        batch.Reject(1, "y");
        batch.Reject(0, "x");

        var expected = new[] { new ReadingResult(5, ReadingStatus.Rejected, "x"), new ReadingResult(6, ReadingStatus.Rejected, "y"), new ReadingResult(7, ReadingStatus.Rejected, "z") };
        Assert.Equal(expected, batch.AllResults());
        Assert.Equal(expected, batch.NotStoredResults());
        Assert.Equal(3, batch.RejectedCount);
    }

    [Fact]
    public void SameReadingRejectedTwice_Throws_AndKeepsTheFirstReason()
    {
        using var batch = Batch(1, 2);
        batch.Reject(1, "first");

        var error = Assert.Throws<InvalidOperationException>(() => batch.Reject(1, "second"));

        Assert.Contains("already rejected", error.Message, StringComparison.Ordinal);
        Assert.Equal([new ReadingResult(2, ReadingStatus.Rejected, "first")], batch.NotStoredResults());
        Assert.Equal(1, batch.RejectedCount);
    }

    [Fact]
    public void EmptyBatch_HasNoResults()
    {
        using var batch = new ParsedBatch(0);

        Assert.Empty(batch.ReadingIds);
        Assert.Empty(batch.AllResults());
        Assert.Empty(batch.NotStoredResults());
        Assert.Equal(0, batch.RejectedCount);
    }

    private static ParsedBatch Batch(params long[] ids)
    {
        var batch = new ParsedBatch(0);
        batch.ReadingIds.AddRange(ids);
        return batch;
    }
}
