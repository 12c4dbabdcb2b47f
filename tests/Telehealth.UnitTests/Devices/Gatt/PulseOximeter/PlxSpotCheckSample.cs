using CsCheck;
using Telehealth.Gateway.Devices.Gatt.Ieee11073;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.PulseOximeter;

/// <summary>A PLX Spot-Check Measurement as an oximeter would send it, with its test-side encoder.</summary>
public sealed record PlxSpotCheckSample(
    int Flags,
    Ieee11073Number SpO2,
    Ieee11073Number PulseRate,
    RawDateTime? Time,
    ushort? MeasurementStatus,
    uint? DeviceStatus,
    Ieee11073Number? PulseAmplitudeIndex)
{
    public static Gen<PlxSpotCheckSample> Gen(int flags) =>
        CsCheck.Gen.Select(
            GattGen.SFloat, GattGen.SFloat, GattGen.DateTime, CsCheck.Gen.UShort, CsCheck.Gen.UInt[0, 0xFF_FFFF], GattGen.SFloat,
            (spo2, pr, time, status, device, pai) => new PlxSpotCheckSample(
                flags, spo2, pr,
                (flags & 0x01) != 0 ? time : null,
                (flags & 0x02) != 0 ? status : null,
                (flags & 0x04) != 0 ? device : null,
                (flags & 0x08) != 0 ? pai : null));

    public byte[] Encode()
    {
        var writer = new GattWriter().U8(Flags).SFloat(SpO2).SFloat(PulseRate);
        if (Time is not null)
        {
            writer.DateTime(Time);
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
