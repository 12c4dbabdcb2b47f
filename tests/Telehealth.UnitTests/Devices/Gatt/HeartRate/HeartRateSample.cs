using CsCheck;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.HeartRate;

/// <summary>A Heart Rate Measurement as a device would send it, with its test-side encoder.</summary>
public sealed record HeartRateSample(int Flags, int HeartRate, ushort? Energy, ushort[] RrRaw)
{
    public static Gen<HeartRateSample> Gen(int flags) =>
        CsCheck.Gen.Select(
            (flags & 0x01) != 0 ? CsCheck.Gen.Int[0, 65535] : CsCheck.Gen.Int[0, 255],
            CsCheck.Gen.UShort,
            CsCheck.Gen.UShort.Array[1, 9],
            (hr, energy, rr) => new HeartRateSample(flags, hr, (flags & 0x08) != 0 ? energy : null, (flags & 0x10) != 0 ? rr : []));

    public byte[] Encode()
    {
        var writer = new GattWriter().U8(Flags);
        _ = (Flags & 0x01) != 0 ? writer.U16(HeartRate) : writer.U8(HeartRate);
        if (Energy is { } energy)
        {
            writer.U16(energy);
        }

        foreach (var rr in RrRaw)
        {
            writer.U16(rr);
        }

        return writer.ToArray();
    }
}
