using System.Buffers.Binary;
using Telehealth.Gateway.Devices.Gatt.Ieee11073;

namespace Telehealth.Gateway.Devices.Gatt.Decoding;

/// <summary>
/// Reads little-endian GATT fields in order without ever throwing: a read past the end records the first error
/// (which field, at which offset) and returns zero; <see cref="Complete"/> then also rejects trailing bytes.
/// </summary>
internal ref struct GattReader
{
    private readonly ReadOnlySpan<byte> _value;
    private int _offset;

    public GattReader(ReadOnlySpan<byte> value)
    {
        _value = value;
        _offset = 0;
        Error = null;
    }

    /// <summary>The first error, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Bytes not read yet.</summary>
    public readonly int Remaining => _value.Length - _offset;

    public byte UInt8(string field) => Take(1, field, out var bytes) ? bytes[0] : (byte)0;

    public ushort UInt16(string field) => Take(2, field, out var bytes) ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : (ushort)0;

    public short SInt16(string field) => Take(2, field, out var bytes) ? BinaryPrimitives.ReadInt16LittleEndian(bytes) : (short)0;

    public uint UInt24(string field) => Take(3, field, out var bytes) ? (uint)(bytes[0] | (bytes[1] << 8) | (bytes[2] << 16)) : 0u;

    public uint UInt32(string field) => Take(4, field, out var bytes) ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : 0u;

    public Ieee11073Number SFloat(string field) => Ieee11073SFloat.Decode(UInt16(field));

    public Ieee11073Number Float(string field) => Ieee11073Float.Decode(UInt32(field));

    /// <summary>Records a reason unless an earlier error is already recorded.</summary>
    public void Fail(string reason) => Error ??= reason;

    /// <summary>The first error, else an error for bytes left after the last field the flags announce, else null.</summary>
    public readonly string? Complete()
    {
        if (Error is not null)
        {
            return Error;
        }

        return Remaining > 0
            ? $"{Remaining} trailing byte(s) after the last field the flags announce (length {_value.Length}, expected {_offset})"
            : null;
    }

    private bool Take(int count, string field, out ReadOnlySpan<byte> bytes)
    {
        if (Error is null && Remaining >= count)
        {
            bytes = _value.Slice(_offset, count);
            _offset += count;
            return true;
        }

        if (Error is null)
        {
            Error = $"value too short: {field} needs {count} byte(s) at offset {_offset} but the value has {_value.Length}";
        }

        bytes = default;
        return false;
    }
}
