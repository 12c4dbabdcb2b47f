using CsCheck;
using Telehealth.Gateway.Devices.Gatt.Ieee11073;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.Thermometer;

/// <summary>A Temperature Measurement as a thermometer would send it, with its test-side encoder.</summary>
public sealed record TemperatureSample(int Flags, Ieee11073Number Temperature, RawDateTime? Time, byte? Type)
{
    public static Gen<TemperatureSample> Gen(int flags) =>
        CsCheck.Gen.Select(
            GattGen.MedFloat, GattGen.DateTime, CsCheck.Gen.Byte,
            (temperature, time, type) => new TemperatureSample(
                flags, temperature,
                (flags & 0x02) != 0 ? time : null,
                (flags & 0x04) != 0 ? type : null));

    public byte[] Encode()
    {
        var writer = new GattWriter().U8(Flags).MedFloat(Temperature);
        if (Time is not null)
        {
            writer.DateTime(Time);
        }

        if (Type is { } type)
        {
            writer.U8(type);
        }

        return writer.ToArray();
    }
}
