using CsCheck;
using Telehealth.Gateway.Devices.Gatt.Ieee11073;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.Ieee11073;

public sealed class Ieee11073SFloatTests
{
    [Theory]
    [InlineData((ushort)0xF16E, 366, -1, 36.6)]
    [InlineData((ushort)0x0078, 120, 0, 120.0)]
    [InlineData((ushort)0xF3FF, 1023, -1, 102.3)]
    [InlineData((ushort)0x1002, 2, 1, 20.0)]
    [InlineData((ushort)0x7001, 1, 7, 1e7)]
    [InlineData((ushort)0x8001, 1, -8, 1e-8)]
    [InlineData((ushort)0x0FFF, -1, 0, -1.0)]
    [InlineData((ushort)0xE003, 3, -2, 0.03)]
    [InlineData((ushort)0x0803, -2045, 0, -2045.0)]
    [InlineData((ushort)0x07FD, 2045, 0, 2045.0)]
    public void Decode_NumberVector_GivesMantissaExponentAndValue(ushort raw, int mantissa, int exponent, double value)
    {
        var number = Ieee11073SFloat.Decode(raw);

        Assert.Equal(Ieee11073Number.FromParts(mantissa, exponent), number);
        Assert.True(number.TryGetValue(out var decoded));
        Assert.Equal(value, decoded);
    }

    [Theory]
    [InlineData((ushort)0x07FF, Ieee11073Special.NaN, "nan")]
    [InlineData((ushort)0x0800, Ieee11073Special.NRes, "nres")]
    [InlineData((ushort)0x07FE, Ieee11073Special.PositiveInfinity, "+inf")]
    [InlineData((ushort)0x0802, Ieee11073Special.NegativeInfinity, "-inf")]
    [InlineData((ushort)0x0801, Ieee11073Special.Reserved, "reserved")]
    [InlineData((ushort)0x17FF, Ieee11073Special.Reserved, "reserved")]
    [InlineData((ushort)0xF800, Ieee11073Special.Reserved, "reserved")]
    [InlineData((ushort)0x27FE, Ieee11073Special.Reserved, "reserved")]
    public void Decode_SpecialValue_IsNeverANumber(ushort raw, Ieee11073Special special, string token)
    {
        var number = Ieee11073SFloat.Decode(raw);

        Assert.Equal(special, number.Special);
        Assert.False(number.IsNumber);
        Assert.False(number.TryGetValue(out _));
        Assert.Equal(token, number.Special.ToToken());
    }

    [Fact]
    public void Decode_EveryRawWord_IsANumberOnlyInsideTheNumericMantissaRange()
    {
        for (var raw = 0; raw <= ushort.MaxValue; raw++)
        {
            var number = Ieee11073SFloat.Decode((ushort)raw);
            var mantissaBits = raw & 0x0FFF;
            var isSpecialMantissa = mantissaBits is >= 0x07FE and <= 0x0802;
            Assert.Equal(!isSpecialMantissa, number.IsNumber);
            if (number.IsNumber)
            {
                Assert.Equal((ushort)raw, Ieee11073SFloat.Encode(number));
            }
        }
    }

    [Fact]
    public void EncodeDecode_RandomNumbersAndSpecials_RoundTrip()
    {
        GattGen.SFloat.Sample(number => Assert.Equal(number, Ieee11073SFloat.Decode(Ieee11073SFloat.Encode(number))), iter: 20_000);
    }

    [Theory]
    [InlineData(36.6, 1, (ushort)0xF16E)]
    [InlineData(120.0, 0, (ushort)0x0078)]
    [InlineData(-0.5, 1, (ushort)0xFFFB)]
    public void Encode_DoubleWithDecimals_GivesExpectedWord(double value, int decimals, ushort raw)
    {
        Assert.Equal(raw, Ieee11073SFloat.Encode(value, decimals));
    }

    [Theory]
    [InlineData(2046, 0)]
    [InlineData(-2046, 0)]
    [InlineData(1, 8)]
    [InlineData(1, -9)]
    public void Encode_OutOfRange_Throws(int mantissa, int exponent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Ieee11073SFloat.Encode(mantissa, exponent));
    }

    [Fact]
    public void Encode_NoneAsSpecial_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Ieee11073SFloat.Encode(Ieee11073Special.None));
    }
}
