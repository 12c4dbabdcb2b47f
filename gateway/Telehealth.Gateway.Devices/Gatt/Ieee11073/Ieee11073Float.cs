namespace Telehealth.Gateway.Devices.Gatt.Ieee11073;

/// <summary>
/// IEEE 11073-20601 FLOAT: 32 bits, an 8-bit signed exponent (high byte) and a 24-bit signed mantissa.
/// Mantissas 0x7FFFFE..0x800002 are the special values (NaN 0x007FFFFF, NRes 0x00800000, +INF 0x007FFFFE,
/// −INF 0x00800002, reserved 0x00800001). With a non-zero exponent those mantissas read as reserved.
/// </summary>
public static class Ieee11073Float
{
    /// <summary>Largest numeric mantissa (2^23 − 3).</summary>
    public const int MaxMantissa = 8_388_605;

    /// <summary>Smallest numeric mantissa (−(2^23 − 3)).</summary>
    public const int MinMantissa = -8_388_605;

    /// <summary>Largest exponent.</summary>
    public const int MaxExponent = 127;

    /// <summary>Smallest exponent.</summary>
    public const int MinExponent = -128;

    /// <summary>NaN.</summary>
    public const uint NaN = 0x007FFFFF;

    /// <summary>Not at this resolution.</summary>
    public const uint NRes = 0x00800000;

    /// <summary>+INFINITY.</summary>
    public const uint PositiveInfinity = 0x007FFFFE;

    /// <summary>−INFINITY.</summary>
    public const uint NegativeInfinity = 0x00800002;

    /// <summary>Reserved for future use.</summary>
    public const uint Reserved = 0x00800001;

    /// <summary>Decodes a raw little-endian FLOAT double word.</summary>
    public static Ieee11073Number Decode(uint raw)
    {
        var mantissaBits = (int)(raw & 0x00FF_FFFF);
        var exponent = (int)(sbyte)(byte)(raw >> 24);
        var mantissa = mantissaBits >= 0x0080_0000 ? mantissaBits - 0x0100_0000 : mantissaBits;
        if (mantissa is >= MinMantissa and <= MaxMantissa)
        {
            return Ieee11073Number.FromParts(mantissa, exponent);
        }

        if (exponent != 0)
        {
            return Ieee11073Number.FromSpecial(Ieee11073Special.Reserved);
        }

        return Ieee11073Number.FromSpecial((uint)mantissaBits switch
        {
            NaN => Ieee11073Special.NaN,
            NRes => Ieee11073Special.NRes,
            PositiveInfinity => Ieee11073Special.PositiveInfinity,
            NegativeInfinity => Ieee11073Special.NegativeInfinity,
            _ => Ieee11073Special.Reserved,
        });
    }

    /// <summary>Encodes mantissa × 10^exponent; throws when either is out of the FLOAT's numeric range.</summary>
    public static uint Encode(int mantissa, int exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mantissa, MinMantissa);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mantissa, MaxMantissa);
        ArgumentOutOfRangeException.ThrowIfLessThan(exponent, MinExponent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exponent, MaxExponent);
        return ((uint)(exponent & 0xFF) << 24) | ((uint)mantissa & 0x00FF_FFFF);
    }

    /// <summary>Encodes a special value (<see cref="Ieee11073Special.None"/> is not one).</summary>
    public static uint Encode(Ieee11073Special special) => special switch
    {
        Ieee11073Special.NaN => NaN,
        Ieee11073Special.NRes => NRes,
        Ieee11073Special.PositiveInfinity => PositiveInfinity,
        Ieee11073Special.NegativeInfinity => NegativeInfinity,
        Ieee11073Special.Reserved => Reserved,
        _ => throw new ArgumentOutOfRangeException(nameof(special), special, "not a special value"),
    };

    /// <summary>Encodes a decoded number or special value.</summary>
    public static uint Encode(Ieee11073Number number)
        => number.IsNumber ? Encode(number.Mantissa, number.Exponent) : Encode(number.Special);

    /// <summary>Encodes a double with the given number of decimals; throws when the rounded mantissa does not fit.</summary>
    public static uint Encode(double value, int decimals)
    {
        var mantissa = Math.Round(value * Math.Pow(10, decimals), MidpointRounding.AwayFromZero);
        if (!double.IsFinite(mantissa) || mantissa < MinMantissa || mantissa > MaxMantissa)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"does not fit a FLOAT with {decimals} decimals");
        }

        return Encode((int)mantissa, -decimals);
    }
}
