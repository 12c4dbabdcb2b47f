using Microsoft.Extensions.Logging;

namespace Telehealth.Gateway.Devices.Sensors.Polling;

/// <summary>Log messages of the sensor adapters.</summary>
internal static partial class SensorLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Sensor {DeviceId} opened ({Description})")]
    public static partial void Opened(this ILogger logger, string deviceId, string description);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Sensor {DeviceId} bus error #{Consecutive} in a row; retrying in {RetryDelay}")]
    public static partial void BusError(this ILogger logger, string deviceId, int consecutive, TimeSpan retryDelay, Exception error);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Sensor {DeviceId} failed unexpectedly; retrying in {RetryDelay}")]
    public static partial void UnexpectedError(this ILogger logger, string deviceId, TimeSpan retryDelay, Exception error);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Sensor {DeviceId}: the buffer refused {Count} readings")]
    public static partial void SinkRefused(this ILogger logger, string deviceId, int count, Exception error);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Sensor {DeviceId} recovered after {Errors} errors")]
    public static partial void Recovered(this ILogger logger, string deviceId, int errors);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug, Message = "Sensor {DeviceId}: error while closing")]
    public static partial void CloseFailed(this ILogger logger, string deviceId, Exception error);
}
