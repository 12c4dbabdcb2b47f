namespace Telehealth.Alerts.Tracking;

/// <summary>How long a rule must stay quiet before its alert resolves by itself.</summary>
public sealed record AlertTrackerOptions
{
    /// <summary>The defaults.</summary>
    public static AlertTrackerOptions Default { get; } = new();

    /// <summary>Clinical alerts resolve after the rule has not fired for this long (default 7 days); null = only by hand.</summary>
    public TimeSpan? ClinicalQuietPeriod { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Technical alerts resolve after the device has been back this long (default 12 h); null = only by hand.</summary>
    public TimeSpan? TechnicalQuietPeriod { get; init; } = TimeSpan.FromHours(12);
}
