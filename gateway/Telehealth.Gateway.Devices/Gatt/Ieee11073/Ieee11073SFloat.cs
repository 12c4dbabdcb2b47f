namespace Telehealth.Gateway.Devices.Gatt.Ieee11073;

/// <summary>
/// IEEE 11073-20601 SFLOAT: 16 bits, a 4-bit signed exponent (high nibble) and a 12-bit signed mantissa.
/// Mantissas 0x7FE..0x802 are the special values (NaN 0x07FF, NRes 0x0800, +INF 0x07FE, −INF 0x0802, reserved
/// 0x0801). With a non-zero exponent those mantissas are not numbers either and read as reserved.
/// </summary>
public static class Ieee11073SFloat
{
    /// <summary>Largest numeric mantissa (2^11 − 3).</summary>
    public const int MaxMantissa = 2045;

    /// <summary>Smallest numeric mantissa (−(2^11 − 3)).</summary>
    public const int MinMantissa = -2045;

    /// <summary>Largest exponent.</summary>
    public const int MaxExponent = 7;

    /// <summary>Smallest exponent.</summary>
    public const int MinExponent = -8;

    /// <summary>NaN.</summary>
    public const ushort NaN = 0x07FF;

    /// <summary>Not at this resolution.</summary>
    public const ushort NRes = 0x0800;

    /// <summary>+INFINITY.</summary>
    public const ushort PositiveInfinity = 0x07FE;

    /// <summary>−INFINITY.</summary>
    public const ushort NegativeInfinity = 0x0802;

    /// <summary>Reserved for future use.</summary>
    public const ushort Reserved = 0x0801;

    /// <summary>Decodes a raw little-endian SFLOAT word.</summary>
    public static Ieee11073Number Decode(ushort raw)
    {
        var mantissaBits = raw & 0x0FFF;
        var exponentBits = raw >> 12;
        var exponent = exponentBits >= 0x8 ? exponentBits - 0x10 : exponentBits;
        var mantissa = mantissaBits >= 0x0800 ? mantissaBits - 0x1000 : mantissaBits;
        if (mantissa is >= MinMantissa and <= MaxMantissa)
        {
            return Ieee11073Number.FromParts(mantissa, exponent);
        }

        if (exponent != 0)
        {
            return Ieee11073Number.FromSpecial(Ieee11073Special.Reserved);
        }

        return Ieee11073Number.FromSpecial(mantissaBits switch
        {
            NaN => Ieee11073Special.NaN,
            NRes => Ieee11073Special.NRes,
            PositiveInfinity => Ieee11073Special.PositiveInfinity,
            NegativeInfinity => Ieee11073Special.NegativeInfinity,
            _ => Ieee11073Special.Reserved,
        });
    }

    /// <summary>Encodes mantissa × 10^exponent; throws when either is out of the SFLOAT's numeric range.</summary>
    public static ushort Encode(int mantissa, int exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mantissa, MinMantissa);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mantissa, MaxMantissa);
        ArgumentOutOfRangeException.ThrowIfLessThan(exponent, MinExponent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exponent, MaxExponent);
        return (ushort)(((exponent & 0x0F) << 12) | (mantissa & 0x0FFF));
    }

    /// <summary>Encodes a special value (<see cref="Ieee11073Special.None"/> is not one).</summary>
    public static ushort Encode(Ieee11073Special special) => special switch
    {
        Ieee11073Special.NaN => NaN,
        Ieee11073Special.NRes => NRes,
        Ieee11073Special.PositiveInfinity => PositiveInfinity,
        Ieee11073Special.NegativeInfinity => NegativeInfinity,
        Ieee11073Special.Reserved => Reserved,
        _ => throw new ArgumentOutOfRangeException(nameof(special), special, "not a special value"),
    };

    /// <summary>Encodes a decoded number or special value.</summary>
    public static ushort Encode(Ieee11073Number number)
        => number.IsNumber ? Encode(number.Mantissa, number.Exponent) : Encode(number.Special);

    /// <summary>
    /// Encodes a double with the given number of decimals (e.g. 36.6 with 1 → mantissa 366, exponent −1);
    /// throws when the rounded mantissa does not fit.
    /// </summary>
    public static ushort Encode(double value, int decimals)
    {
        var mantissa = Math.Round(value * Math.Pow(10, decimals), MidpointRounding.AwayFromZero);
        if (!double.IsFinite(mantissa) || mantissa < MinMantissa || mantissa > MaxMantissa)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"does not fit an SFLOAT with {decimals} decimals");
        }

        return Encode((int)mantissa, -decimals);
    }
}
