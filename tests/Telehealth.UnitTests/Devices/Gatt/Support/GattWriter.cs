using Telehealth.Gateway.Devices.Gatt.Ieee11073;

namespace Telehealth.UnitTests.Devices.Gatt.Support;

/// <summary>Test-side encoder: appends little-endian GATT fields.</summary>
public sealed class GattWriter
{
    private readonly List<byte> _bytes = [];

    public GattWriter U8(int value)
    {
        _bytes.Add((byte)value);
        return this;
    }

    public GattWriter U16(int value) => U8(value).U8(value >> 8);

    public GattWriter U24(uint value) => U8((int)value).U8((int)(value >> 8)).U8((int)(value >> 16));

    public GattWriter U32(uint value) => U16((int)(value & 0xFFFF)).U16((int)(value >> 16));

    public GattWriter SFloat(Ieee11073Number value) => U16(Ieee11073SFloat.Encode(value));

    public GattWriter MedFloat(Ieee11073Number value) => U32(Ieee11073Float.Encode(value));

    public GattWriter DateTime(RawDateTime time) =>
        U16(time.Year).U8(time.Month).U8(time.Day).U8(time.Hours).U8(time.Minutes).U8(time.Seconds);

    public byte[] ToArray() => [.. _bytes];
}
