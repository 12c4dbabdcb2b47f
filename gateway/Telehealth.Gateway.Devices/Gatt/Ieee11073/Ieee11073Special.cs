namespace Telehealth.Gateway.Devices.Gatt.Ieee11073;

/// <summary>
/// The special values of the IEEE 11073-20601 SFLOAT and FLOAT types. They are never numbers: a decoder reports them
/// by <see cref="Ieee11073SpecialExtensions.ToToken"/> and leaves the component out of the numeric values.
/// </summary>
public enum Ieee11073Special
{
    /// <summary>An ordinary number.</summary>
    None = 0,

    /// <summary>Not a number (invalid result).</summary>
    NaN,

    /// <summary>Not at this resolution: the value cannot be represented with the available digits.</summary>
    NRes,

    /// <summary>Positive infinity.</summary>
    PositiveInfinity,

    /// <summary>Negative infinity.</summary>
    NegativeInfinity,

    /// <summary>A reserved encoding (including a reserved mantissa with a non-zero exponent).</summary>
    Reserved,
}
