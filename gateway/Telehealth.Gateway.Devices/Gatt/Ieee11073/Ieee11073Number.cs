namespace Telehealth.Gateway.Devices.Gatt.Ieee11073;

/// <summary>
/// A decoded IEEE 11073-20601 SFLOAT or FLOAT: mantissa × 10^exponent, or one of the special values.
/// </summary>
/// <param name="Mantissa">The signed mantissa (0 for a special value).</param>
/// <param name="Exponent">The signed base-10 exponent (0 for a special value).</param>
/// <param name="Special">The special value, or <see cref="Ieee11073Special.None"/> for a number.</param>
public readonly record struct Ieee11073Number(int Mantissa, int Exponent, Ieee11073Special Special)
{
    /// <summary>True for an ordinary number; false for NaN, NRes, ±INFINITY and reserved encodings.</summary>
    public bool IsNumber => Special == Ieee11073Special.None;

    /// <summary>A number mantissa × 10^exponent.</summary>
    public static Ieee11073Number FromParts(int mantissa, int exponent) => new(mantissa, exponent, Ieee11073Special.None);

    /// <summary>A special value.</summary>
    public static Ieee11073Number FromSpecial(Ieee11073Special special) => new(0, 0, special);

    /// <summary>The value as a double; false (and 0) for a special value, which never becomes a number.</summary>
    public bool TryGetValue(out double value)
    {
        if (!IsNumber)
        {
            value = 0;
            return false;
        }

        value = ToDouble(Mantissa, Exponent);
        return true;
    }

    /// <summary>mantissa × 10^exponent, dividing for negative exponents so that e.g. 365e-1 is exactly 36.5.</summary>
    public static double ToDouble(int mantissa, int exponent) => exponent >= 0
        ? mantissa * Math.Pow(10, exponent)
        : mantissa / Math.Pow(10, -exponent);
}
