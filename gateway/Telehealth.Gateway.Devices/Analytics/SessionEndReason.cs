namespace Telehealth.Gateway.Devices.Analytics;

/// <summary>Why an exercise session ended.</summary>
public enum SessionEndReason
{
    /// <summary>The session button was pressed (or the session was stopped explicitly).</summary>
    Stopped,

    /// <summary>The session reached <see cref="EdgeAnalyticsOptions.MaxSessionDuration"/>.</summary>
    MaxDuration,

    /// <summary>No activity for <see cref="EdgeAnalyticsOptions.IdleTimeout"/>.</summary>
    Idle,
}
