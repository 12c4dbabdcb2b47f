using System.Globalization;

namespace Telehealth.Gateway.Devices.Gatt.Decoding;

/// <summary>16-bit Bluetooth UUIDs and their 128-bit form on the Bluetooth Base UUID.</summary>
public static class GattUuid
{
    /// <summary>The Bluetooth Base UUID 00000000-0000-1000-8000-00805F9B34FB.</summary>
    public static readonly Guid BluetoothBase = new("00000000-0000-1000-8000-00805f9b34fb");

    /// <summary>The 128-bit UUID of a 16-bit one, e.g. 0x2A37 → 00002a37-0000-1000-8000-00805f9b34fb.</summary>
    public static Guid ToGuid(ushort uuid16)
        => new(string.Create(CultureInfo.InvariantCulture, $"0000{uuid16:x4}-0000-1000-8000-00805f9b34fb"));

    /// <summary>The 16-bit UUID of a 128-bit one on the Bluetooth Base UUID; false for any other UUID.</summary>
    public static bool TryGetShort(Guid uuid, out ushort uuid16)
    {
        Span<byte> bytes = stackalloc byte[16];
        Span<byte> baseBytes = stackalloc byte[16];
        uuid.TryWriteBytes(bytes, bigEndian: true, out _);
        BluetoothBase.TryWriteBytes(baseBytes, bigEndian: true, out _);
        uuid16 = (ushort)((bytes[2] << 8) | bytes[3]);
        return bytes[0] == 0 && bytes[1] == 0 && bytes[4..].SequenceEqual(baseBytes[4..]);
    }

    /// <summary>
    /// Parses "2a37", "0x2A37", "00002a37" or a full 128-bit UUID on the Bluetooth Base UUID
    /// ("00002a37-0000-1000-8000-00805f9b34fb", with or without braces). Case does not matter.
    /// </summary>
    public static bool TryParse(string? text, out ushort uuid16)
    {
        uuid16 = 0;
        var trimmed = (text ?? "").Trim();
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[2..];
        }

        if (trimmed.Length is 4 or 8 && uint.TryParse(trimmed, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var number))
        {
            if (number > ushort.MaxValue)
            {
                return false;
            }

            uuid16 = (ushort)number;
            return true;
        }

        return trimmed.Length > 8 && Guid.TryParse(trimmed, out var guid) && TryGetShort(guid, out uuid16);
    }

    /// <summary>"0x2A37".</summary>
    public static string Format(ushort uuid16) => string.Create(CultureInfo.InvariantCulture, $"0x{uuid16:X4}");
}
