using CsCheck;
using Telehealth.Gateway.Devices.Gatt.Ieee11073;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.Ieee11073;

public sealed class Ieee11073FloatTests
{
    [Theory]
    [InlineData(0xFF00016Eu, 366, -1, 36.6)]
    [InlineData(0xFE000E42u, 3650, -2, 36.5)]
    [InlineData(0x00000025u, 37, 0, 37.0)]
    [InlineData(0x02000001u, 1, 2, 100.0)]
    [InlineData(0x00FFFFFFu, -1, 0, -1.0)]
    [InlineData(0x807FFFFDu, 8_388_605, -128, 8.388605e-122)]
    [InlineData(0x7F800003u, -8_388_605, 127, -8.388605e133)]
    public void Decode_NumberVector_GivesMantissaExponentAndValue(uint raw, int mantissa, int exponent, double value)
    {
        var number = Ieee11073Float.Decode(raw);

        Assert.Equal(Ieee11073Number.FromParts(mantissa, exponent), number);
        Assert.True(number.TryGetValue(out var decoded));
        Assert.Equal(value, decoded, Math.Abs(value) * 1e-12);
    }

    [Theory]
    [InlineData(0x007FFFFFu, Ieee11073Special.NaN)]
    [InlineData(0x00800000u, Ieee11073Special.NRes)]
    [InlineData(0x007FFFFEu, Ieee11073Special.PositiveInfinity)]
    [InlineData(0x00800002u, Ieee11073Special.NegativeInfinity)]
    [InlineData(0x00800001u, Ieee11073Special.Reserved)]
    [InlineData(0x017FFFFFu, Ieee11073Special.Reserved)]
    [InlineData(0xFF800000u, Ieee11073Special.Reserved)]
    public void Decode_SpecialValue_IsNeverANumber(uint raw, Ieee11073Special special)
    {
        var number = Ieee11073Float.Decode(raw);

        Assert.Equal(special, number.Special);
        Assert.False(number.TryGetValue(out _));
    }

    [Fact]
    public void EncodeDecode_RandomNumbersAndSpecials_RoundTrip()
    {
        var anyExponent = Gen.Frequency(
            (8, Gen.Select(Gen.Int[Ieee11073Float.MinMantissa, Ieee11073Float.MaxMantissa], Gen.Int[Ieee11073Float.MinExponent, Ieee11073Float.MaxExponent], Ieee11073Number.FromParts)),
            (2, GattGen.Special.Select(Ieee11073Number.FromSpecial)));
        anyExponent.Sample(number => Assert.Equal(number, Ieee11073Float.Decode(Ieee11073Float.Encode(number))), iter: 20_000);
    }

    [Fact]
    public void Decode_RandomRawWord_IsANumberOnlyInsideTheNumericMantissaRange()
    {
        Gen.UInt.Sample(raw =>
        {
            var mantissaBits = raw & 0x00FF_FFFF;
            var isSpecialMantissa = mantissaBits is >= 0x007F_FFFE and <= 0x0080_0002;
            var number = Ieee11073Float.Decode(raw);
            Assert.Equal(!isSpecialMantissa, number.IsNumber);
            if (number.IsNumber)
            {
                Assert.Equal(raw, Ieee11073Float.Encode(number));
            }
        }, iter: 20_000);
    }

    [Theory]
    [InlineData(8_388_606, 0)]
    [InlineData(1, 128)]
    [InlineData(1, -129)]
    public void Encode_OutOfRange_Throws(int mantissa, int exponent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Ieee11073Float.Encode(mantissa, exponent));
    }

    [Fact]
    public void Encode_DoubleWithDecimals_GivesExpectedWord()
    {
        Assert.Equal(0xFF00016Eu, Ieee11073Float.Encode(36.6, 1));
    }
}
