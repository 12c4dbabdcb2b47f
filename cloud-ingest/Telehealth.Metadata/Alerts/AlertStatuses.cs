namespace Telehealth.Metadata.Alerts;

/// <summary>The values of <c>alerts.status</c>: open → acknowledged → resolved (open → resolved is allowed too).</summary>
public static class AlertStatuses
{
    public const string Open = "open";

    public const string Acknowledged = "acknowledged";

    public const string Resolved = "resolved";

    /// <summary>True for a known status value.</summary>
    public static bool IsKnown(string? status) => status is Open or Acknowledged or Resolved;
}
