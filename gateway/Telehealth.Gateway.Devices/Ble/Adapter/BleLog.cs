using Microsoft.Extensions.Logging;

namespace Telehealth.Gateway.Devices.Ble.Adapter;

/// <summary>Log messages of the BLE adapter. Device ids only (pseudonymous); no addresses of unknown devices, no values.</summary>
internal static partial class BleLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "No BLE device is enrolled (Ble:Devices): the BLE adapter stays idle")]
    public static partial void NoDevicesEnrolled(this ILogger logger);

    [LoggerMessage(EventId = 4400, Level = LogLevel.Information, Message = "BLE: connected to BlueZ; adapter {AdapterPath} discovering; {Enrolled} devices enrolled")]
    public static partial void Discovering(this ILogger logger, string adapterPath, int enrolled);

    [LoggerMessage(EventId = 4401, Level = LogLevel.Warning, Message = "BLE: BlueZ unavailable; retrying in {RetryDelay}")]
    public static partial void BusFailed(this ILogger logger, TimeSpan retryDelay, Exception error);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Debug, Message = "BLE: ignored a device that is not enrolled ({Count} so far)")]
    public static partial void UnknownDevice(this ILogger logger, long count);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Information, Message = "BLE device {DeviceId} connected; subscribed to {Characteristics} characteristics")]
    public static partial void Subscribed(this ILogger logger, string deviceId, int characteristics);

    [LoggerMessage(EventId = 4404, Level = LogLevel.Warning, Message = "BLE device {DeviceId} offers no characteristic we decode")]
    public static partial void NothingToSubscribe(this ILogger logger, string deviceId);

    [LoggerMessage(EventId = 4405, Level = LogLevel.Information, Message = "BLE device {DeviceId} disconnected; reconnecting in {RetryDelay}")]
    public static partial void Disconnected(this ILogger logger, string deviceId, TimeSpan retryDelay);

    [LoggerMessage(EventId = 4406, Level = LogLevel.Warning, Message = "BLE device {DeviceId}: connection attempt failed; retrying in {RetryDelay}")]
    public static partial void ConnectFailed(this ILogger logger, string deviceId, TimeSpan retryDelay, Exception error);

    [LoggerMessage(EventId = 4407, Level = LogLevel.Warning, Message = "BLE device {DeviceId}: malformed {Characteristic} value: {Reason}")]
    public static partial void MalformedValue(this ILogger logger, string deviceId, string characteristic, string reason);

    [LoggerMessage(EventId = 4408, Level = LogLevel.Warning, Message = "BLE device {DeviceId}: the buffer refused {Count} readings")]
    public static partial void SinkRefused(this ILogger logger, string deviceId, int count, Exception error);

    [LoggerMessage(EventId = 4409, Level = LogLevel.Information, Message = "BLE device {DeviceId}: requested its stored records (Record Access Control Point)")]
    public static partial void StoredRecordsRequested(this ILogger logger, string deviceId);

    [LoggerMessage(EventId = 4410, Level = LogLevel.Warning, Message = "BLE device {DeviceId}: requesting stored records failed")]
    public static partial void StoredRecordsFailed(this ILogger logger, string deviceId, Exception error);

    [LoggerMessage(EventId = 4411, Level = LogLevel.Debug, Message = "BLE device {DeviceId}: Record Access Control Point answered [{Response}]")]
    public static partial void RacpResponse(this ILogger logger, string deviceId, string response);
}
