using System.Buffers;

namespace Telehealth.Ingest.Storage.LineProtocol;

/// <summary>
/// A growable UTF-8 buffer over <see cref="ArrayPool{T}.Shared"/>: rent one per request, write lines into it, send
/// <see cref="WrittenMemory"/>, dispose to give the array back. <see cref="Clear"/> reuses it. Not thread-safe.
/// </summary>
public sealed class LineProtocolBuffer : IBufferWriter<byte>, IDisposable
{
    private const int DefaultCapacity = 16 * 1024;
    private byte[] _array;
    private int _written;

    public LineProtocolBuffer(int initialCapacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCapacity);
        _array = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _written);

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _written);

    /// <summary>Number of bytes written so far.</summary>
    public int WrittenCount => _written;

    /// <summary>Forgets the written bytes and keeps the array for reuse.</summary>
    public void Clear() => _written = 0;

    /// <inheritdoc />
    public void Advance(int count)
    {
        ObjectDisposedException.ThrowIf(_array.Length == 0, this);
        if (count < 0 || _written + count > _array.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _written += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_written);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_written);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var array = _array;
        _array = [];
        _written = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Ensure(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_array.Length == 0, this);
        var needed = Math.Max(sizeHint, 1);
        if (_array.Length - _written >= needed)
        {
            return;
        }

        var newSize = Math.Max(checked(_written + needed), checked(_array.Length * 2));
        var bigger = ArrayPool<byte>.Shared.Rent(newSize);
        _array.AsSpan(0, _written).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
    }
}
