using Tmds.DBus.Protocol;

namespace Telehealth.Gateway.Devices.Ble.BlueZ;

/// <summary>A PropertiesChanged signal: which object, which interface, and the new values.</summary>
public sealed record BluezPropertiesChange(string Path, string Interface, IReadOnlyDictionary<string, VariantValue> Changed)
{
    /// <summary>The new value of a byte-array property (e.g. a characteristic's Value), or null when it did not change.</summary>
    public byte[]? GetBytes(string property)
        => Changed.TryGetValue(property, out var value) && value.Type == VariantValueType.Array ? value.GetArray<byte>() : null;

    /// <summary>The new value of a boolean property, or null when it did not change.</summary>
    public bool? GetBool(string property)
        => Changed.TryGetValue(property, out var value) && value.Type == VariantValueType.Bool ? value.GetBool() : null;
}
