using System.Text.RegularExpressions;

namespace Telehealth.Ingest.Contracts.Identity;

/// <summary>
/// Rules for the pseudonymous ids of patients and gateways: 3–64 characters of A-Z a-z 0-9 '_' '-', and never
/// something shaped like a Danish CPR number (DDMMYY-XXXX or ten digits).
/// </summary>
public static partial class PseudonymousId
{
    /// <summary>Returns null when <paramref name="id"/> is acceptable, else the reason.</summary>
    public static string? Validate(string? id, string what)
    {
        if (string.IsNullOrEmpty(id))
        {
            return $"{what} is missing";
        }

        if (!Shape().IsMatch(id))
        {
            return $"{what} must be 3-64 characters of A-Z a-z 0-9 _ -";
        }

        if (CprShape().IsMatch(id))
        {
            return $"{what} looks like a CPR number; use a pseudonymous id";
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{3,64}$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"(^|[^0-9])[0-3][0-9][01][0-9][0-9]{2}-?[0-9]{4}($|[^0-9])")]
    private static partial Regex CprShape();
}
