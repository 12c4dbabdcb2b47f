using Microsoft.Extensions.Logging;

namespace Telehealth.Gateway.Devices.Analytics;

/// <summary>Log messages of the edge analytics.</summary>
internal static partial class AnalyticsLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Exercise session started at {StartedAt}")]
    public static partial void SessionStarted(this ILogger logger, DateTimeOffset startedAt);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Exercise session ended ({Reason}) after {Duration}; {Features} feature readings")]
    public static partial void SessionEnded(this ILogger logger, SessionEndReason reason, TimeSpan duration, int features);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "The buffer refused {Count} session feature readings; kept to retry")]
    public static partial void FeaturesRefused(this ILogger logger, int count, Exception error);
}
