using Tmds.DBus.Protocol;

namespace Telehealth.Gateway.Devices.Ble.BlueZ;

/// <summary>One object BlueZ manages: its path and, per interface, its properties.</summary>
/// <param name="Path">The object path (e.g. /org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF).</param>
/// <param name="Interfaces">Interface name → property name → value.</param>
public sealed record BluezObject(string Path, IReadOnlyDictionary<string, IReadOnlyDictionary<string, VariantValue>> Interfaces)
{
    /// <summary>True when the object implements <paramref name="iface"/>.</summary>
    public bool Has(string iface) => Interfaces.ContainsKey(iface);

    /// <summary>A string property, or null when absent or of another type.</summary>
    public string? GetString(string iface, string property)
        => TryGet(iface, property, out var value) && value.Type == VariantValueType.String ? value.GetString() : null;

    /// <summary>A boolean property, or false when absent or of another type.</summary>
    public bool GetBool(string iface, string property)
        => TryGet(iface, property, out var value) && value.Type == VariantValueType.Bool && value.GetBool();

    /// <summary>An object-path property as text, or null.</summary>
    public string? GetObjectPath(string iface, string property)
        => TryGet(iface, property, out var value) && value.Type == VariantValueType.ObjectPath ? value.GetObjectPathAsString() : null;

    private bool TryGet(string iface, string property, out VariantValue value)
    {
        value = default;
        return Interfaces.TryGetValue(iface, out var properties) && properties.TryGetValue(property, out value);
    }
}
