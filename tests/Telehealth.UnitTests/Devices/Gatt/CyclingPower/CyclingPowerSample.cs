using CsCheck;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.CyclingPower;

/// <summary>A Cycling Power Measurement as a power meter would send it (all optional fields drawn), with its encoder.</summary>
public sealed record CyclingPowerSample(
    int Flags,
    short Power,
    byte Balance,
    ushort Torque,
    uint WheelRevolutions,
    ushort WheelTime,
    ushort CrankRevolutions,
    ushort CrankTime,
    short[] Forces,
    short[] Torques,
    int MaxAngle,
    int MinAngle,
    ushort TopDeadSpot,
    ushort BottomDeadSpot,
    ushort Energy)
{
    public static Gen<CyclingPowerSample> Gen(int flags) =>
        CsCheck.Gen.Select(
            CsCheck.Gen.Select(CsCheck.Gen.Short, CsCheck.Gen.Byte, CsCheck.Gen.UShort, CsCheck.Gen.UInt, CsCheck.Gen.UShort, CsCheck.Gen.UShort, CsCheck.Gen.UShort),
            CsCheck.Gen.Select(CsCheck.Gen.Short.Array[2], CsCheck.Gen.Short.Array[2], CsCheck.Gen.Int[0, 4095], CsCheck.Gen.Int[0, 4095], CsCheck.Gen.UShort, CsCheck.Gen.UShort, CsCheck.Gen.UShort),
            (a, b) => new CyclingPowerSample(flags, a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, a.Item6, a.Item7, b.Item1, b.Item2, b.Item3, b.Item4, b.Item5, b.Item6, b.Item7));

    public bool Has(int bit) => (Flags & (1 << bit)) != 0;

    public byte[] Encode()
    {
        var writer = new GattWriter().U16(Flags).U16(Power);
        if (Has(0))
        {
            writer.U8(Balance);
        }

        if (Has(2))
        {
            writer.U16(Torque);
        }

        if (Has(4))
        {
            writer.U32(WheelRevolutions).U16(WheelTime);
        }

        if (Has(5))
        {
            writer.U16(CrankRevolutions).U16(CrankTime);
        }

        if (Has(6))
        {
            writer.U16(Forces[0]).U16(Forces[1]);
        }

        if (Has(7))
        {
            writer.U16(Torques[0]).U16(Torques[1]);
        }

        if (Has(8))
        {
            writer.U24((uint)(MaxAngle | (MinAngle << 12)));
        }

        if (Has(9))
        {
            writer.U16(TopDeadSpot);
        }

        if (Has(10))
        {
            writer.U16(BottomDeadSpot);
        }

        if (Has(11))
        {
            writer.U16(Energy);
        }

        return writer.ToArray();
    }
}
