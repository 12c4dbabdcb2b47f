using Microsoft.Extensions.Logging;

namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>Log messages of the wired-sensor host.</summary>
internal static partial class SensorHostLog
{
    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "No wired sensors configured (Devices:I2c, Devices:Gpio)")]
    public static partial void NoWiredDevices(this ILogger logger);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Wired device {DeviceId}: {Kind} on {Bus} ({Wiring})")]
    public static partial void Planned(this ILogger logger, string deviceId, string kind, string bus, string wiring);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Error, Message = "The GPIO controller cannot be opened; the GPIO devices stay unavailable until the gateway restarts")]
    public static partial void GpioUnavailable(this ILogger logger, Exception error);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Error, Message = "GPIO device {DeviceId} cannot be opened; it stays unavailable until the gateway restarts")]
    public static partial void GpioDeviceUnavailable(this ILogger logger, string deviceId, Exception error);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Information, Message = "Gateway stopping: ending the running exercise session")]
    public static partial void EndingSessionAtStop(this ILogger logger);
}
