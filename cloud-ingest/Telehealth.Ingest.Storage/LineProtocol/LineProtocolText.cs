using System.Buffers;
using System.Text;

namespace Telehealth.Ingest.Storage.LineProtocol;

/// <summary>
/// Escaping of names and tag values, byte for byte as InfluxDB.Client's <c>PointData</c> does it: comma and space
/// (and, except in measurements, equals) get a backslash; newline, carriage return and tab become <c>\n</c>,
/// <c>\r</c>, <c>\t</c>; backslashes and quotes are left alone.
/// </summary>
public static class LineProtocolText
{
    private static readonly SearchValues<char> MeasurementSpecials = SearchValues.Create(" ,\n\r\t");
    private static readonly SearchValues<char> KeySpecials = SearchValues.Create(" ,=\n\r\t");

    /// <summary>
    /// False for text that the line protocol cannot carry unambiguously when escaped as <c>PointData</c> does:
    /// empty text, or a backslash at the end or before a space, comma or equals sign (the server would read the
    /// backslash as escaping the separator or the escape we add).
    /// </summary>
    public static bool IsWritable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        for (var i = text.IndexOf('\\', StringComparison.Ordinal); i >= 0; i = text.IndexOf('\\', i + 1))
        {
            if (i == text.Length - 1 || text[i + 1] is ' ' or ',' or '=')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes a measurement name, escaped, as UTF-8.</summary>
    public static void WriteMeasurement(IBufferWriter<byte> output, ReadOnlySpan<char> text)
        => WriteEscaped(output, text, MeasurementSpecials);

    /// <summary>Writes a tag key, tag value or field key, escaped, as UTF-8.</summary>
    public static void WriteKey(IBufferWriter<byte> output, ReadOnlySpan<char> text)
        => WriteEscaped(output, text, KeySpecials);

    /// <summary>Writes ASCII or UTF-8 bytes as they are.</summary>
    public static void WriteRaw(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    private static void WriteEscaped(IBufferWriter<byte> output, ReadOnlySpan<char> text, SearchValues<char> specials)
    {
        while (!text.IsEmpty)
        {
            var next = text.IndexOfAny(specials);
            if (next < 0)
            {
                WriteUtf8(output, text);
                return;
            }

            // Runs end only at ASCII characters, so a surrogate pair is never split between two encodings.
            WriteUtf8(output, text[..next]);
            WriteRaw(output, text[next] switch
            {
                '\n' => "\\n"u8,
                '\r' => "\\r"u8,
                '\t' => "\\t"u8,
                ' ' => "\\ "u8,
                ',' => "\\,"u8,
                _ => "\\="u8,
            });
            text = text[(next + 1)..];
        }
    }

    private static void WriteUtf8(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, span);
        output.Advance(written);
    }
}
