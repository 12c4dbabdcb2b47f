using Telehealth.Ingest.Contracts.Batches;

namespace Telehealth.Ingest.Batches;

/// <summary>
/// The batch answer's minimal form (RFC 7240 <c>Prefer: return=minimal</c>): only the readings that were not stored are
/// listed. A gateway's batch is mostly stored readings, and their results were most of the answer's bytes and of the
/// work on both ends.
/// </summary>
public static class MinimalAnswer
{
    /// <summary>The preference, as it is sent and confirmed.</summary>
    public const string Preference = IngestRoutes.PreferMinimal;

    /// <summary>The response header that confirms the preference was applied.</summary>
    public const string AppliedHeader = "Preference-Applied";

    /// <summary>
    /// True when a <c>Prefer</c> header of the request holds <c>return=minimal</c>: preferences are comma-separated,
    /// each may carry <c>;</c> parameters, names are case-insensitive and the value may be quoted.
    /// </summary>
    public static bool IsPreferred(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var header in headers["Prefer"])
        {
            if (header is null)
            {
                continue;
            }

            foreach (var part in SplitOutsideQuotes(header, ','))
            {
                var preference = SplitOutsideQuotes(part, ';').FirstOrDefault() ?? "";
                var equals = preference.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0
                    && preference[..equals].Trim().Equals("return", StringComparison.OrdinalIgnoreCase)
                    && preference[(equals + 1)..].Trim().Trim('"').Equals("minimal", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The trimmed, non-empty pieces of <paramref name="text"/> between separators that are not inside a quoted string
    /// (RFC 9110 quoted-string, with backslash escapes), so <c>foo="a, return=minimal"</c> stays one preference.
    /// </summary>
    private static IEnumerable<string> SplitOutsideQuotes(string text, char separator)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == separator && !quoted)
            {
                if (text[start..i].Trim() is { Length: > 0 } piece)
                {
                    yield return piece;
                }

                start = i + 1;
            }
        }

        if (text[start..].Trim() is { Length: > 0 } last)
        {
            yield return last;
        }
    }
}
