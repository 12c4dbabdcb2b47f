using CsCheck;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.WeightScale;

/// <summary>A Weight Measurement as a scale would send it, with its test-side encoder.</summary>
public sealed record WeightSample(int Flags, ushort Weight, RawDateTime? Time, byte? UserId, ushort? Bmi, ushort? Height)
{
    public static Gen<WeightSample> Gen(int flags) =>
        CsCheck.Gen.Select(
            CsCheck.Gen.Frequency((9, CsCheck.Gen.UShort), (1, CsCheck.Gen.Const(ushort.MaxValue))),
            GattGen.DateTime, GattGen.UserId, CsCheck.Gen.UShort, CsCheck.Gen.UShort,
            (weight, time, user, bmi, height) => new WeightSample(
                flags, weight,
                (flags & 0x02) != 0 ? time : null,
                (flags & 0x04) != 0 ? user : null,
                (flags & 0x08) != 0 ? bmi : null,
                (flags & 0x08) != 0 ? height : null));

    public byte[] Encode()
    {
        var writer = new GattWriter().U8(Flags).U16(Weight);
        if (Time is not null)
        {
            writer.DateTime(Time);
        }

        if (UserId is { } user)
        {
            writer.U8(user);
        }

        if (Bmi is { } bmi && Height is { } height)
        {
            writer.U16(bmi).U16(height);
        }

        return writer.ToArray();
    }
}
