using System.Text.RegularExpressions;

namespace Telehealth.Gateway.Devices.Ble.Adapter;

/// <summary>Bluetooth device addresses as BlueZ shows them: six hex pairs separated by colons.</summary>
public static partial class BleAddress
{
    /// <summary>True for <c>AA:BB:CC:DD:EE:FF</c> (either case).</summary>
    public static bool IsValid(string? address) => address is not null && Pattern().IsMatch(address);

    /// <summary>The address in BlueZ's upper-case form.</summary>
    public static string Normalize(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.ToUpperInvariant();
    }

    [GeneratedRegex("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$")]
    private static partial Regex Pattern();
}
