namespace Telehealth.Gateway.Devices.Gatt.Ieee11073;

/// <summary>Text tokens for <see cref="Ieee11073Special"/> as they appear in decoded results and the decode command.</summary>
public static class Ieee11073SpecialExtensions
{
    /// <summary>"nan", "nres", "+inf", "-inf" or "reserved"; empty for <see cref="Ieee11073Special.None"/>.</summary>
    public static string ToToken(this Ieee11073Special special) => special switch
    {
        Ieee11073Special.NaN => "nan",
        Ieee11073Special.NRes => "nres",
        Ieee11073Special.PositiveInfinity => "+inf",
        Ieee11073Special.NegativeInfinity => "-inf",
        Ieee11073Special.Reserved => "reserved",
        _ => "",
    };
}
