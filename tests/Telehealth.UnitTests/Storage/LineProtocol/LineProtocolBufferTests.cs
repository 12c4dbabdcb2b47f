using Telehealth.Ingest.Storage.LineProtocol;

namespace Telehealth.UnitTests.Storage.LineProtocol;

public sealed class LineProtocolBufferTests
{
    [Fact]
    public void GetSpan_MoreThanTheCapacity_GrowsAndKeepsWhatWasWritten()
    {
        using var buffer = new LineProtocolBuffer(4);
        "abc"u8.CopyTo(buffer.GetSpan(3));
        buffer.Advance(3);

        var span = buffer.GetSpan(100_000);
        "def"u8.CopyTo(span);
        buffer.Advance(3);

        Assert.True(span.Length >= 100_000);
        Assert.Equal("abcdef"u8.ToArray(), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Clear_AfterWriting_StartsEmptyAgain()
    {
        using var buffer = new LineProtocolBuffer(16);
        buffer.GetSpan(5);
        buffer.Advance(5);

        buffer.Clear();

        Assert.Equal(0, buffer.WrittenCount);
        Assert.True(buffer.WrittenMemory.IsEmpty);
    }

    [Fact]
    public void Advance_PastTheSpanHandedOut_Throws()
    {
        using var buffer = new LineProtocolBuffer(16);
        var available = buffer.GetSpan().Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(available + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(-1));
    }

    [Fact]
    public void GetSpan_AfterDispose_Throws()
    {
        var buffer = new LineProtocolBuffer(16);
        buffer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => buffer.GetSpan());
        buffer.Dispose();
    }
}
