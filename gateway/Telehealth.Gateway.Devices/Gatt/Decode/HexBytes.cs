using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Telehealth.Gateway.Devices.Gatt.Decode;

/// <summary>Parses hex such as "06 48 00", "06:48:00", "0x064800" or "0x06 0x48" (spaces, colons, commas, 0x prefixes).</summary>
public static class HexBytes
{
    /// <summary>The bytes, or false with a reason.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = null;
        var digits = new System.Text.StringBuilder(text.Length);
        foreach (var token in text.Split([' ', '\t', ':', ',', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            var hex = token.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? token[2..] : token;
            if (hex.Length == 0)
            {
                error = $"'{token}' has a 0x prefix but no digits";
                return false;
            }

            foreach (var c in hex)
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    error = $"'{c}' in '{token}' is not a hex digit";
                    return false;
                }
            }

            if (hex.Length % 2 != 0 && hex.Length > 2)
            {
                error = $"'{token}' has an odd number of hex digits";
                return false;
            }

            digits.Append(hex.Length == 1 ? "0" + hex : hex);
        }

        bytes = Convert.FromHexString(digits.ToString());
        error = null;
        return true;
    }

    /// <summary>Lower-case hex with spaces, e.g. "06 48 00".</summary>
    public static string Format(ReadOnlySpan<byte> bytes)
    {
        var parts = new string[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            parts[i] = bytes[i].ToString("x2", CultureInfo.InvariantCulture);
        }

        return string.Join(' ', parts);
    }
}
