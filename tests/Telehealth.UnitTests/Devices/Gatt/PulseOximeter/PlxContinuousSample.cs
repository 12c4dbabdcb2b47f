using CsCheck;
using Telehealth.Gateway.Devices.Gatt.Ieee11073;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.PulseOximeter;

/// <summary>A PLX Continuous Measurement as an oximeter would send it, with its test-side encoder.</summary>
public sealed record PlxContinuousSample(
    int Flags,
    Ieee11073Number[] Normal,
    Ieee11073Number[]? Fast,
    Ieee11073Number[]? Slow,
    ushort? MeasurementStatus,
    uint? DeviceStatus,
    Ieee11073Number? PulseAmplitudeIndex)
{
    public static Gen<PlxContinuousSample> Gen(int flags) =>
        CsCheck.Gen.Select(
            GattGen.SFloat.Array[2], GattGen.SFloat.Array[2], GattGen.SFloat.Array[2], CsCheck.Gen.UShort, CsCheck.Gen.UInt[0, 0xFF_FFFF], GattGen.SFloat,
            (normal, fast, slow, status, device, pai) => new PlxContinuousSample(
                flags, normal,
                (flags & 0x01) != 0 ? fast : null,
                (flags & 0x02) != 0 ? slow : null,
                (flags & 0x04) != 0 ? status : null,
                (flags & 0x08) != 0 ? device : null,
                (flags & 0x10) != 0 ? pai : null));

    public byte[] Encode()
    {
        var writer = new GattWriter().U8(Flags).SFloat(Normal[0]).SFloat(Normal[1]);
        if (Fast is not null)
        {
            writer.SFloat(Fast[0]).SFloat(Fast[1]);
        }

        if (Slow is not null)
        {
            writer.SFloat(Slow[0]).SFloat(Slow[1]);
        }

        if (MeasurementStatus is { } status)
        {
            writer.U16(status);
        }

        if (DeviceStatus is { } device)
        {
            writer.U24(device);
        }

        if (PulseAmplitudeIndex is { } pai)
        {
            writer.SFloat(pai);
        }

        return writer.ToArray();
    }
}
