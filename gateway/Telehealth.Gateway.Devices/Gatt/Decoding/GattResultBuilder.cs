using System.Globalization;
using Telehealth.Gateway.Devices.Gatt.Ieee11073;

namespace Telehealth.Gateway.Devices.Gatt.Decoding;

/// <summary>Collects readings, the device time and extra fields while a decoder walks the value.</summary>
internal sealed class GattResultBuilder(ushort characteristic, string name)
{
    private readonly List<GattReadingBuilder> _readings = [];
    private readonly Dictionary<string, object> _fields = new(StringComparer.Ordinal);

    public DateTimeOffset? DeviceTime { get; set; }

    /// <summary>Starts a reading of a catalogue metric.</summary>
    public GattReadingBuilder Reading(string metric, string unit, TimeSpan timeOffset = default)
    {
        var reading = new GattReadingBuilder(metric, unit, timeOffset);
        _readings.Add(reading);
        return reading;
    }

    /// <summary>Sets an extra field (bool, long, double, string or a list of double/string).</summary>
    public void Field(string name, object value) => _fields[name] = value;

    /// <summary>Sets an extra field from an IEEE 11073 number: a double, or the special token.</summary>
    public void Field(string name, Ieee11073Number number, Func<double, double>? convert = null)
    {
        if (number.TryGetValue(out var value))
        {
            _fields[name] = convert is null ? value : convert(value);
        }
        else
        {
            _fields[name] = number.Special.ToToken();
        }
    }

    /// <summary>Sets the named bits of a status field as a list of names, plus the raw value.</summary>
    public void StatusBits(string name, uint raw, IReadOnlyList<string?> bitNames)
    {
        _fields[name] = (long)raw;
        var set = new List<string>();
        for (var bit = 0; bit < 32; bit++)
        {
            if ((raw & (1u << bit)) == 0)
            {
                continue;
            }

            var bitName = bit < bitNames.Count ? bitNames[bit] : null;
            set.Add(bitName ?? $"reserved_bit_{bit}");
        }

        _fields[name + "_bits"] = set;
    }

    /// <summary>Sets the user index field: the number, or "unknown" for 0xFF.</summary>
    public void UserId(byte userId) => _fields[GattFieldNames.UserId] = userId == 0xFF ? "unknown" : (long)userId;

    public GattDecodeResult Build()
        => GattDecodeResult.Success(characteristic, name, _readings.ConvertAll(r => r.Build()), DeviceTime, _fields);

    public GattDecodeResult Fail(string reason) => GattDecodeResult.Failure(characteristic, name, reason);

    /// <summary>The common failure for flag bits the specification reserves: the layout after them is unknown.</summary>
    public GattDecodeResult FailReservedFlags(uint flags, uint reservedMask, int hexDigits)
    {
        var reserved = Hex(flags & reservedMask, hexDigits);
        return Fail($"reserved flag bits 0x{reserved} are set (Flags = 0x{Hex(flags, hexDigits)}); the field layout is unknown");
    }

    private static string Hex(uint value, int digits) =>
        value.ToString("X" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
