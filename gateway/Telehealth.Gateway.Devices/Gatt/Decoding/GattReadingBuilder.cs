using Telehealth.Gateway.Devices.Gatt.Ieee11073;

namespace Telehealth.Gateway.Devices.Gatt.Decoding;

/// <summary>Collects one reading's components while a decoder walks the value.</summary>
internal sealed class GattReadingBuilder(string metric, string unit, TimeSpan timeOffset)
{
    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _specials = new(StringComparer.Ordinal);

    /// <summary>Sets a numeric component.</summary>
    public GattReadingBuilder Set(string component, double value)
    {
        _values[component] = value;
        return this;
    }

    /// <summary>Sets a component from an IEEE 11073 number; a special value goes to the special values, never a number.</summary>
    public GattReadingBuilder Set(string component, Ieee11073Number number, Func<double, double>? convert = null)
    {
        if (number.TryGetValue(out var value))
        {
            _values[component] = convert is null ? value : convert(value);
        }
        else
        {
            _specials[component] = number.Special.ToToken();
        }

        return this;
    }

    /// <summary>Marks a component as a special value that never becomes a number.</summary>
    public GattReadingBuilder Special(string component, string token)
    {
        _specials[component] = token;
        return this;
    }

    public GattReading Build() => new(metric, unit, _values, _specials, timeOffset);
}
