namespace Telehealth.Ingest.Storage.LineProtocol;

/// <summary>
/// Tells whether the text of a JSON number is already exactly what <see cref="LineProtocolSerializer"/> writes for its
/// value (<c>double.ToString(InvariantCulture)</c>, whole numbers as integers), so a reader may copy the bytes instead of
/// parsing and formatting again. Conservative: true only for plain decimals (<c>-?(0|[1-9]\d*)(\.\d*[1-9])?</c>, no
/// exponent) with at most 15 significant digits, below 10^15 and not below 10^-4 — a decimal of at most 15 significant
/// digits is the shortest text that round-trips its double, and in that range .NET writes it without an exponent.
/// </summary>
public static class CanonicalNumberText
{
    private const int MaxSignificantDigits = 15;

    /// <summary>True when <paramref name="json"/> (the raw bytes of a JSON number) can be written to a line unchanged.</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> json)
    {
        var i = 0;
        if (i < json.Length && json[i] == (byte)'-')
        {
            i++;
        }

        if (i >= json.Length || !char.IsAsciiDigit((char)json[i]))
        {
            return false;
        }

        var significant = 0;
        var wholeIsZero = json[i] == (byte)'0';
        if (wholeIsZero)
        {
            i++;
        }
        else
        {
            for (; i < json.Length && char.IsAsciiDigit((char)json[i]); i++)
            {
                significant++;
            }
        }

        if (i == json.Length)
        {
            return significant <= MaxSignificantDigits;
        }

        if (json[i] != (byte)'.' || json[^1] == (byte)'0')
        {
            return false; // an exponent, a leading zero ("01"), or a fraction ending in zero ("72.50"): formatted instead
        }

        i++;
        var leadingZeros = 0;
        if (wholeIsZero)
        {
            for (; i < json.Length && json[i] == (byte)'0'; i++)
            {
                leadingZeros++;
            }
        }

        var fractionStart = i;
        for (; i < json.Length && char.IsAsciiDigit((char)json[i]); i++)
        {
            significant++;
        }

        return i == json.Length && i > fractionStart && leadingZeros <= 3 && significant <= MaxSignificantDigits;
    }
}
