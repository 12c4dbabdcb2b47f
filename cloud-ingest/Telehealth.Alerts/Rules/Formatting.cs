using System.Globalization;

namespace Telehealth.Alerts.Rules;

/// <summary>Invariant number and day formatting for explanations.</summary>
internal static class Formatting
{
    public static string F1(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string F0(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    public static string Day(int day) => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Text(FormattableString text) => FormattableString.Invariant(text);
}
