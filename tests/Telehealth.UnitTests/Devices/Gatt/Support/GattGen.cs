using CsCheck;
using Telehealth.Gateway.Devices.Gatt.Ieee11073;

namespace Telehealth.UnitTests.Devices.Gatt.Support;

/// <summary>CsCheck generators for GATT field values, including the IEEE 11073 special values.</summary>
public static class GattGen
{
    private static readonly Ieee11073Special[] Specials =
    [
        Ieee11073Special.NaN,
        Ieee11073Special.NRes,
        Ieee11073Special.PositiveInfinity,
        Ieee11073Special.NegativeInfinity,
        Ieee11073Special.Reserved,
    ];

    public static readonly Gen<Ieee11073Special> Special = Gen.Int[0, Specials.Length - 1].Select(i => Specials[i]);

    public static readonly Gen<Ieee11073Number> SFloat = Gen.Frequency(
        (8, Gen.Select(Gen.Int[Ieee11073SFloat.MinMantissa, Ieee11073SFloat.MaxMantissa], Gen.Int[Ieee11073SFloat.MinExponent, Ieee11073SFloat.MaxExponent], Ieee11073Number.FromParts)),
        (2, Special.Select(Ieee11073Number.FromSpecial)));

    /// <summary>FLOATs with exponents small enough that decimal arithmetic gives the exact expected double.</summary>
    public static readonly Gen<Ieee11073Number> MedFloat = Gen.Frequency(
        (8, Gen.Select(Gen.Int[Ieee11073Float.MinMantissa, Ieee11073Float.MaxMantissa], Gen.Int[-10, 10], Ieee11073Number.FromParts)),
        (2, Special.Select(Ieee11073Number.FromSpecial)));

    public static readonly Gen<RawDateTime> DateTime = Gen.Frequency(
        (9, Gen.Select(Gen.Int[1582, 9998], Gen.Int[1, 12], Gen.Int[1, 28], Gen.Int[0, 23], Gen.Int[0, 59], Gen.Int[0, 59],
            (y, mo, d, h, mi, s) => new RawDateTime(y, mo, d, h, mi, s))),
        (1, Gen.Const(new RawDateTime(0, 0, 0, 0, 0, 0))));

    public static readonly Gen<byte> UserId = Gen.Byte;

    /// <summary>Exact expected value of an IEEE 11073 number: the correctly rounded parse of "{mantissa}e{exponent}".</summary>
    public static double ExpectedValue(Ieee11073Number number) =>
        double.Parse($"{number.Mantissa}e{number.Exponent}", System.Globalization.CultureInfo.InvariantCulture);
}
