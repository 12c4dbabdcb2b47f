using Telehealth.Ingest.Storage.LineProtocol;

namespace Telehealth.Ingest.Batches;

/// <summary>
/// Writes the line of a reading that passed <see cref="BatchReader"/>'s checks straight into the batch's buffer, byte for
/// byte as <see cref="LineProtocolSerializer.WriteCheckedLine"/> would: the cached series key, the fields in ordinal key
/// order with <c>received_ms</c> among them, the timestamp. Numbers whose JSON text is already canonical
/// (<see cref="CanonicalNumberText"/>) are copied; the rest are formatted. One span, one advance.
/// </summary>
internal static class CheckedLineWriter
{
    private const int NumberBytes = 32;

    public static void Write(LineProtocolBuffer lines, ReadOnlySpan<byte> json, byte[] seriesKey, ReadingComponents components,
        CheckedFields fields, NumberText received, NumberText deviceTime)
    {
        var count = components.Count;
        var bound = seriesKey.Length + "received_ms=i \n".Length + (3 * NumberBytes);
        for (var i = 0; i < count; i++)
        {
            bound += fields.Keys[i].Length + 2 + Math.Max(NumberBytes, components.TextLength[i]);
        }

        var span = lines.GetSpan(bound);
        seriesKey.CopyTo(span);
        var at = seriesKey.Length;
        var order = fields.Order;
        var receivedWritten = false;
        for (var k = 0; k < count; k++)
        {
            var i = order[k];
            if (!receivedWritten && fields.ReceivedFirst[i])
            {
                at += WriteReceived(span[at..], json, received);
                span[at++] = (byte)',';
                receivedWritten = true;
            }

            fields.Keys[i].CopyTo(span[at..]);
            at += fields.Keys[i].Length;
            span[at++] = (byte)'=';
            var text = json.Slice(components.TextStart[i], components.TextLength[i]);
            if (CanonicalNumberText.IsCanonical(text))
            {
                text.CopyTo(span[at..]);
                at += text.Length;
            }
            else
            {
                at += LineProtocolSerializer.FormatValue(span[at..], components.Values[i]);
            }

            if (k < count - 1 || !receivedWritten)
            {
                span[at++] = (byte)',';
            }
        }

        if (!receivedWritten)
        {
            at += WriteReceived(span[at..], json, received);
        }

        span[at++] = (byte)' ';
        at += WriteWhole(span[at..], json, deviceTime);
        span[at++] = (byte)'\n';
        lines.Advance(at);
    }

    private static int WriteReceived(Span<byte> span, ReadOnlySpan<byte> json, NumberText received)
    {
        "received_ms="u8.CopyTo(span);
        var at = "received_ms=".Length;
        at += WriteWhole(span[at..], json, received);
        span[at++] = (byte)'i';
        return at;
    }

    /// <summary>
    /// A whole number read with <c>TryGetInt64</c>: its JSON text is its canonical decimal (JSON has no leading zeros or
    /// plus sign) except "-0", so non-negative texts are copied and the rest formatted.
    /// </summary>
    private static int WriteWhole(Span<byte> span, ReadOnlySpan<byte> json, NumberText number)
    {
        if (number.Length > 0 && json[number.Start] != (byte)'-')
        {
            json.Slice(number.Start, number.Length).CopyTo(span);
            return number.Length;
        }

        return number.Value.TryFormat(span, out var written, default, System.Globalization.CultureInfo.InvariantCulture)
            ? written
            : throw new InvalidOperationException("A number did not fit in its buffer.");
    }
}
