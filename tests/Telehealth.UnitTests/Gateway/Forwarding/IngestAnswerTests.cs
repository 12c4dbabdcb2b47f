using Telehealth.Gateway.Core.Forwarding;
using Telehealth.Ingest.Contracts.Batches;

namespace Telehealth.UnitTests.Gateway.Forwarding;

/// <summary>
/// Mapping the ingest's answer to the sent readings it did not store: the full form (one result per reading) and the
/// minimal form (only the readings not stored); an answer that does not account for every reading exactly throws, so
/// the batch is kept and sent again.
/// </summary>
public sealed class IngestAnswerTests
{
    private static readonly IngestReading[] Sent = [Reading(100, "hr"), Reading(101, "cuff"), Reading(102, "hr"), Reading(103, "scale")];

    [Fact]
    public void Full_AllStored_NothingIsNotStored()
    {
        var answer = Full(4, 0, Stored(100), Stored(101), Stored(102), Stored(103));

        Assert.Empty(answer.NotStored(Sent));
    }

    [Fact]
    public void Full_InOrder_ListsTheRejectedReadingsWithReasons()
    {
        var answer = Full(2, 2, Stored(100), Rejected(101, "wrong unit"), Stored(102), Rejected(103, "unknown metric"));

        var notStored = answer.NotStored(Sent);

        Assert.Equal([(Sent[1], "wrong unit"), (Sent[3], "unknown metric")], notStored);
    }

    [Fact]
    public void Full_RejectedWithoutReason_GetsADefaultReason()
    {
        var answer = Full(3, 1, Stored(100), Stored(101), new ReadingResult(102, ReadingStatus.Rejected), Stored(103));

        Assert.Equal([(Sent[2], "rejected by ingest")], answer.NotStored(Sent));
    }

    [Fact]
    public void Full_ResultsByIdWhenTheCountDiffers_AreMatchedToTheirReadingsInTheBatchOrder()
    {
        // One result more than readings (a repeat): the results are matched by id, whatever their order.
        var answer = Full(2, 2, Rejected(103, "unknown metric"), Stored(100), Stored(102), Rejected(101, "wrong unit"), Stored(100));

        var notStored = answer.NotStored(Sent);

        Assert.Equal([(Sent[1], "wrong unit"), (Sent[3], "unknown metric")], notStored);
    }

    [Fact]
    public void Full_OneResultPerReadingInAnotherOrder_IsMatchedById()
    {
        var answer = Full(3, 1, Stored(103), Rejected(102, "wrong unit"), Stored(101), Stored(100));

        var notStored = answer.NotStored(Sent);

        Assert.Equal([(Sent[2], "wrong unit")], notStored);
    }

    [Fact]
    public void Full_AReadingMissing_Throws()
    {
        var answer = Full(3, 0, Stored(100), Stored(101), Stored(103));

        var ex = Assert.Throws<IngestCallException>(() => answer.NotStored(Sent));
        Assert.Contains("102", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Full_AnotherReadingInItsPlace_Throws()
    {
        var answer = Full(4, 0, Stored(100), Stored(101), Stored(999), Stored(103));

        var ex = Assert.Throws<IngestCallException>(() => answer.NotStored(Sent));
        Assert.Contains("102", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Full_NoResultsForReadings_Throws()
        => Assert.Throws<IngestCallException>(() => Full(4, 0).NotStored(Sent));

    [Fact]
    public void Full_EmptyBatch_NothingIsNotStored()
        => Assert.Empty(Full(0, 0).NotStored([]));

    [Fact]
    public void Minimal_NoResultsAndAllStored_NothingIsNotStored()
        => Assert.Empty(Minimal(4, 0).NotStored(Sent));

    [Fact]
    public void Minimal_SomeRejected_ListsExactlyThoseReadingsWithReasons()
    {
        var answer = Minimal(2, 2, Rejected(101, "wrong unit"), Rejected(103, "refused by the time-series store: conflict"));

        var notStored = answer.NotStored(Sent);

        Assert.Equal([(Sent[1], "wrong unit"), (Sent[3], "refused by the time-series store: conflict")], notStored);
    }

    [Fact]
    public void Minimal_AllRejected_ListsEveryReading()
    {
        var answer = Minimal(0, 4, Rejected(100, "a"), Rejected(101, "b"), Rejected(102, "c"), Rejected(103, "d"));

        Assert.Equal([(Sent[0], "a"), (Sent[1], "b"), (Sent[2], "c"), (Sent[3], "d")], answer.NotStored(Sent));
    }

    [Fact]
    public void Minimal_RejectedWithoutReason_GetsADefaultReason()
        => Assert.Equal([(Sent[0], "rejected by ingest")], Minimal(3, 1, new ReadingResult(100, ReadingStatus.Rejected)).NotStored(Sent));

    [Fact]
    public void Minimal_EmptyBatch_NothingIsNotStored()
        => Assert.Empty(Minimal(0, 0).NotStored([]));

    [Theory]
    [InlineData(3, 0)] // a reading unaccounted for
    [InlineData(5, 0)] // one stored too many
    [InlineData(3, 1)] // one rejected counted but not listed
    [InlineData(4, 1)] // counts above the batch
    [InlineData(0, 0)]
    public void Minimal_CountsThatDoNotAddUpWithoutResults_Throws(int stored, int rejected)
        => Assert.Throws<IngestCallException>(() => Minimal(stored, rejected).NotStored(Sent));

    [Fact]
    public void Minimal_RejectedCountAboveTheListedResults_Throws()
        => Assert.Throws<IngestCallException>(() => Minimal(2, 2, Rejected(101, "wrong unit")).NotStored(Sent));

    [Fact]
    public void Minimal_RejectedCountBelowTheListedResults_Throws()
        => Assert.Throws<IngestCallException>(() => Minimal(3, 1, Rejected(101, "a"), Rejected(102, "b")).NotStored(Sent));

    [Fact]
    public void Minimal_AnIdNotSent_Throws()
    {
        var ex = Assert.Throws<IngestCallException>(() => Minimal(3, 1, Rejected(999, "wrong unit")).NotStored(Sent));
        Assert.Contains("999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Minimal_ADuplicatedId_Throws()
    {
        var ex = Assert.Throws<IngestCallException>(() => Minimal(2, 2, Rejected(101, "a"), Rejected(101, "b")).NotStored(Sent));
        Assert.Contains("101", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Minimal_AResultWithStatusStored_Throws()
    {
        var ex = Assert.Throws<IngestCallException>(() => Minimal(3, 1, Stored(101)).NotStored(Sent));
        Assert.Contains("101", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Minimal_AnUnknownStatus_Throws()
        => Assert.Throws<IngestCallException>(() => Minimal(3, 1, new ReadingResult(101, "dropped", "?")).NotStored(Sent));

    [Fact]
    public void FullResultsReadAsMinimal_Throw()
    {
        // A full answer (every reading listed) is not a valid minimal answer: the counts do not match the results.
        var full = new IngestBatchResult(3, 1, [Stored(100), Rejected(101, "x"), Stored(102), Stored(103)]);

        Assert.Throws<IngestCallException>(() => new IngestAnswer(full, Minimal: true).NotStored(Sent));
    }

    [Fact]
    public void MinimalResultsReadAsFull_Throw()
    {
        // Without Preference-Applied the answer must list every reading: a minimal one lacks the stored readings.
        var minimal = new IngestBatchResult(3, 1, [Rejected(101, "x")]);

        Assert.Throws<IngestCallException>(() => new IngestAnswer(minimal, Minimal: false).NotStored(Sent));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NullSent_Throws(bool minimal)
        => Assert.Throws<ArgumentNullException>(() => new IngestAnswer(new IngestBatchResult(0, 0, []), minimal).NotStored(null!));

    private static IngestAnswer Full(int stored, int rejected, params ReadingResult[] results)
        => new(new IngestBatchResult(stored, rejected, results), Minimal: false);

    private static IngestAnswer Minimal(int stored, int rejected, params ReadingResult[] results)
        => new(new IngestBatchResult(stored, rejected, results), Minimal: true);

    private static ReadingResult Stored(long id) => new(id, ReadingStatus.Stored);

    private static ReadingResult Rejected(long id, string reason) => new(id, ReadingStatus.Rejected, reason);

    private static IngestReading Reading(long id, string device)
        => new(id, device, "heart_rate", "/min", 1_790_000_000_000 + id, 1_790_000_000_010 + id, new Dictionary<string, double> { ["value"] = 70 });
}
