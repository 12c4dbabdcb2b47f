using CsCheck;
using Telehealth.Gateway.Devices.Gatt.Ieee11073;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.BloodPressure;

/// <summary>A Blood Pressure Measurement as a device would send it, with its test-side encoder.</summary>
public sealed record BloodPressureSample(
    int Flags,
    Ieee11073Number Systolic,
    Ieee11073Number Diastolic,
    Ieee11073Number Map,
    RawDateTime? Time,
    Ieee11073Number? Pulse,
    byte? UserId,
    ushort? Status)
{
    public static Gen<BloodPressureSample> Gen(int flags) =>
        CsCheck.Gen.Select(
            GattGen.SFloat, GattGen.SFloat, GattGen.SFloat, GattGen.DateTime, GattGen.SFloat, GattGen.UserId, CsCheck.Gen.UShort,
            (sys, dia, map, time, pulse, user, status) => new BloodPressureSample(
                flags, sys, dia, map,
                (flags & 0x02) != 0 ? time : null,
                (flags & 0x04) != 0 ? pulse : null,
                (flags & 0x08) != 0 ? user : null,
                (flags & 0x10) != 0 ? status : null));

    public byte[] Encode()
    {
        var writer = new GattWriter().U8(Flags).SFloat(Systolic).SFloat(Diastolic).SFloat(Map);
        if (Time is not null)
        {
            writer.DateTime(Time);
        }

        if (Pulse is { } pulse)
        {
            writer.SFloat(pulse);
        }

        if (UserId is { } user)
        {
            writer.U8(user);
        }

        if (Status is { } status)
        {
            writer.U16(status);
        }

        return writer.ToArray();
    }
}
