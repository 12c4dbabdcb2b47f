using Microsoft.Data.Sqlite;
using Telehealth.Gateway.Core.Buffer;
using Telehealth.Gateway.Core.Readings;

namespace Telehealth.UnitTests.Gateway.Buffer;

public sealed class SqliteReadingBufferTests
{
    [Fact]
    public async Task Append_ThenReadAfter_ReturnsReadingsInOffsetOrderWithValues()
    {
        await using var temp = new TempBuffer();
        await using var buffer = temp.Open();
        var bp = new DeviceReading("cuff", "blood_pressure", "mm[Hg]", 1000, 1001, new Dictionary<string, double> { ["systolic"] = 121.5, ["diastolic"] = 79 });

        await buffer.AppendAsync([TempBuffer.Reading("a", 1, 70), TempBuffer.Reading("a", 2, 71)], CancellationToken.None);
        await buffer.AppendAsync([bp], CancellationToken.None);

        var read = buffer.ReadAfter(0, 10);
        Assert.Equal(3, read.Count);
        Assert.True(read[0].Offset < read[1].Offset && read[1].Offset < read[2].Offset);
        Assert.Equal([70.0, 71.0], read.Take(2).Select(r => r.Reading.Values["value"]));
        Assert.Equal(bp.Values, read[2].Reading.Values);
        Assert.Equal(1001, read[2].Reading.ReceivedAtMs);
        Assert.Equal(2, buffer.ReadAfter(read[0].Offset, 10).Count);
    }

    [Fact]
    public async Task ConcurrentAppends_FromManyDevices_AreAllCommittedAndSurviveReopen()
    {
        await using var temp = new TempBuffer();
        await using (var buffer = temp.Open())
        {
            var appends = Enumerable.Range(0, 50).SelectMany(device => Enumerable.Range(0, 20).Select(i =>
                buffer.AppendAsync([TempBuffer.Reading($"d{device}", 1_000 + i, 60 + (i % 40))], CancellationToken.None).AsTask()));
            await Task.WhenAll(appends);
            Assert.Equal(1000, buffer.GetStatus().Readings);
        }

        await using var reopened = temp.Open();
        Assert.Equal(1000, reopened.GetStatus().Readings);
        Assert.Equal(1000, reopened.ReadAfter(0, 5000).Count);
        Assert.Equal("ok", reopened.IntegrityCheck());
    }

    [Fact]
    public async Task Acknowledge_DeletesCoveredRows_KeepsRejectedAsDeadLetters_AndPersistsCheckpoint()
    {
        await using var temp = new TempBuffer();
        long cut;
        await using (var buffer = temp.Open())
        {
            await buffer.AppendAsync([.. Enumerable.Range(0, 10).Select(i => TempBuffer.Reading("a", i + 1, 70))], CancellationToken.None);
            cut = buffer.ReadAfter(0, 10)[5].Offset;

            await buffer.AcknowledgeAsync(new ForwardedRange(0, 0, cut, "ingest:0"), [new DeadLetter("ingest", "a", "implausible", new byte[] { 1 })], CancellationToken.None);

            Assert.Equal(4, buffer.GetStatus().Readings);
            Assert.Equal(1, buffer.GetStatus().DeadLetters);
            Assert.All(buffer.ReadAfter(0, 10), r => Assert.True(r.Offset > cut));
        }

        await using var reopened = temp.Open();
        Assert.Equal(cut, reopened.GetCheckpoint("ingest:0"));
        Assert.Equal("implausible", Assert.Single(reopened.ReadDeadLetters(10)).Reason);
        Assert.Equal(4, reopened.GetStatus().Readings);
    }

    [Fact]
    public async Task Offsets_AreNeverReused_AfterDeletesAndReopen()
    {
        await using var temp = new TempBuffer();
        long last;
        await using (var buffer = temp.Open())
        {
            await buffer.AppendAsync([TempBuffer.Reading("a", 1, 70), TempBuffer.Reading("a", 2, 70)], CancellationToken.None);
            last = buffer.ReadAfter(0, 10)[^1].Offset;
            await buffer.AcknowledgeAsync(new ForwardedRange(0, 0, last, "ingest:0"), [], CancellationToken.None);
        }

        await using var reopened = temp.Open();
        await reopened.AppendAsync([TempBuffer.Reading("a", 3, 70)], CancellationToken.None);
        Assert.True(Assert.Single(reopened.ReadAfter(0, 10)).Offset > last);
    }

    [Fact]
    public async Task ByteBudgetReached_RefusesWithQuotaExceeded_KeepsCommittedRows_AndRecoversAfterForwarding()
    {
        await using var temp = new TempBuffer(maxBytes: 1024 * 1024);
        await using var buffer = temp.Open();
        var committed = 0;
        BufferUnavailableException? refusal = null;
        for (var batch = 0; batch < 1000 && refusal is null; batch++)
        {
            var readings = Enumerable.Range(0, 100).Select(i => TempBuffer.Reading("a", (batch * 100) + i + 1, 70)).ToArray();
            try
            {
                await buffer.AppendAsync(readings, CancellationToken.None);
                committed += readings.Length;
            }
            catch (BufferUnavailableException ex)
            {
                refusal = ex;
            }
        }

        Assert.NotNull(refusal);
        Assert.True(refusal.QuotaExceeded);
        Assert.True(buffer.GetStatus().Full);
        Assert.Equal(committed, buffer.GetStatus().Readings);
        var rows = buffer.ReadAfter(0, committed + 10);
        Assert.Equal(committed, rows.Count);
        Assert.Equal(Enumerable.Range(1, committed).Select(i => (long)i), rows.Select(r => r.Reading.DeviceTimeMs));

        await buffer.AcknowledgeAsync(new ForwardedRange(0, 0, rows[committed / 2].Offset, "ingest:0"), [], CancellationToken.None);
        await buffer.AppendAsync([TempBuffer.Reading("a", 999_999, 70)], CancellationToken.None);
        Assert.False(buffer.GetStatus().Full);
    }

    [Fact]
    public async Task Lanes_SeparateVitalsFromActivityAndRaw_InOffsetOrder()
    {
        await using var temp = new TempBuffer();
        await using var buffer = temp.Open();
        DeviceReading Of(string metric, string unit, long ts) => new("d", metric, unit, ts, ts, new Dictionary<string, double> { ["value"] = 10 });
        await buffer.AppendAsync([Of("joint_angle", "deg", 1), Of("heart_rate", "/min", 2), Of("steps", "{steps}", 3), Of("spo2", "%", 4), Of("joint_angle", "deg", 5)], CancellationToken.None);

        Assert.Equal([2L, 4], buffer.ReadLane(0, 0, 10).Select(r => r.Reading.DeviceTimeMs));
        Assert.Equal([3L], buffer.ReadLane(1, 0, 10).Select(r => r.Reading.DeviceTimeMs));
        Assert.Equal([1L, 5], buffer.ReadLane(2, 0, 10).Select(r => r.Reading.DeviceTimeMs));
    }

    [Fact]
    public async Task LaneTail_ReturnsOnlyRecentContiguousReadings_AndRangeAckDeletesOnlyThem()
    {
        await using var temp = new TempBuffer();
        await using var buffer = temp.Open();
        var old = Enumerable.Range(1, 5).Select(i => new DeviceReading("d", "heart_rate", "/min", i, 1_000, new Dictionary<string, double> { ["value"] = 60 }));
        var recent = Enumerable.Range(6, 3).Select(i => new DeviceReading("d", "heart_rate", "/min", i, 9_000, new Dictionary<string, double> { ["value"] = 60 }));
        await buffer.AppendAsync([.. old, .. recent], CancellationToken.None);
        var all = buffer.ReadLane(0, 0, 100);

        var tail = buffer.ReadLaneTail(0, all[1].Offset, receivedSinceMs: 5_000, limit: 100);
        Assert.Equal([6L, 7, 8], tail.Select(r => r.Reading.DeviceTimeMs));

        await buffer.AcknowledgeAsync(new ForwardedRange(0, tail[0].Offset - 1, tail[^1].Offset, null), [], CancellationToken.None);
        Assert.Equal([1L, 2, 3, 4, 5], buffer.ReadLane(0, 0, 100).Select(r => r.Reading.DeviceTimeMs));
        Assert.Equal(0, buffer.GetCheckpoint("ingest:0"));
    }

    [Fact]
    public async Task CorruptFile_IsMovedAside_AndAFreshBufferStarts()
    {
        await using var temp = new TempBuffer();
        await File.WriteAllBytesAsync(temp.Path, [.. Enumerable.Repeat((byte)0x5A, 8192)], CancellationToken.None);

        await using var buffer = temp.Open();

        Assert.NotNull(buffer.CorruptFileMovedAside);
        Assert.True(File.Exists(buffer.CorruptFileMovedAside));
        Assert.Equal(0, buffer.GetStatus().Readings);
        await buffer.AppendAsync([TempBuffer.Reading("a", 1, 70)], CancellationToken.None);
        Assert.Equal("ok", buffer.IntegrityCheck());
    }

    [Fact]
    public async Task ComponentValuesCodec_RoundTripsExactly()
    {
        var values = new Dictionary<string, double> { ["systolic"] = 0.1 + 0.2, ["diastolic"] = -1e-300, ["map"] = 1.7976931348623157e308 };
        Assert.Equal(values, ComponentValuesCodec.Decode(ComponentValuesCodec.Encode(values)));
        Assert.Throws<FormatException>(() => ComponentValuesCodec.Decode("garbage"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task SynchronousNormal_IsApplied()
    {
        await using var temp = new TempBuffer();
        temp.Options.Synchronous = SynchronousMode.Normal;
        await using var buffer = temp.Open();
        await buffer.AppendAsync([TempBuffer.Reading("a", 1, 70)], CancellationToken.None);
        using var connection = new SqliteConnection($"Data Source={temp.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }
}
