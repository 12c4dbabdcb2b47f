using Microsoft.Extensions.Logging;

namespace Telehealth.Ingest.Storage.Influx;

/// <summary>Storage log events. Counts and status codes only: no ids, tags or values (no personal data).</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "InfluxDB unavailable; {PointCount} points not stored (status {StatusCode})")]
    public static partial void WriteUnavailable(ILogger logger, int pointCount, int? statusCode, Exception exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error,
        Message = "InfluxDB refused {PointCount} points (status {StatusCode})")]
    public static partial void WriteRejected(ILogger logger, int pointCount, int statusCode);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Stored {PointCount} points ({ByteCount} bytes)")]
    public static partial void Written(ILogger logger, int pointCount, int byteCount);
}
