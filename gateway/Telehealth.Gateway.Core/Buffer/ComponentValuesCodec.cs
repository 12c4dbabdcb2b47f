using System.Globalization;
using System.Text;

namespace Telehealth.Gateway.Core.Buffer;

/// <summary>
/// Stores component values as <c>name=value;name=value</c> with round-trip doubles. Component names come from the
/// metric catalogue (letters, digits, '_'), so no escaping is needed.
/// </summary>
public static class ComponentValuesCodec
{
    /// <summary>Encodes values.</summary>
    public static string Encode(IReadOnlyDictionary<string, double> values)
    {
        if (values.Count == 1)
        {
            foreach (var (name, value) in values)
            {
                return string.Concat(name, "=", value.ToString("R", CultureInfo.InvariantCulture));
            }
        }

        var text = new StringBuilder(values.Count * 16);
        foreach (var (name, value) in values)
        {
            if (text.Length > 0)
            {
                text.Append(';');
            }

            text.Append(name).Append('=').Append(value.ToString("R", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Decodes values written by <see cref="Encode"/>.</summary>
    public static Dictionary<string, double> Decode(string text)
    {
        var values = new Dictionary<string, double>(2, StringComparer.Ordinal);
        foreach (var part in text.Split(';'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(part.AsSpan(eq + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"corrupt component values in buffer: '{text}'");
            }

            values[part[..eq]] = value;
        }

        return values;
    }
}
