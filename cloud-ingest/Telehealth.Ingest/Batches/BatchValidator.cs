using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Metrics;
using Telehealth.Ingest.Storage.LineProtocol;
using Telehealth.Ingest.Telemetry;

namespace Telehealth.Ingest.Batches;

/// <summary>Checks each reading of a batch: catalogue (metric, unit, components, plausible range), device id and time window.</summary>
public sealed class BatchValidator(TimeProvider time)
{
    /// <summary>Earliest accepted device time: 2000-01-01T00:00:00Z.</summary>
    public const long MinDeviceTimeMs = 946_684_800_000;

    /// <summary>How far ahead of the ingest's clock a device time may be.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(10);

    /// <summary>The latest device time accepted now (the ingest's clock + <see cref="MaxAhead"/>); read once per batch.</summary>
    public long LatestDeviceTimeMs() => time.GetUtcNow().Add(MaxAhead).ToUnixTimeMilliseconds();

    /// <summary>Returns null when the reading of <paramref name="patientId"/> can be stored, else the reason.</summary>
    public string? Validate(string patientId, IngestReading reading) => Check(patientId, reading, LatestDeviceTimeMs())?.Reason;

    /// <summary>
    /// Returns null when the reading of <paramref name="patientId"/> can be stored, else why not and the class of that
    /// reason. <paramref name="latestDeviceTimeMs"/> comes from <see cref="LatestDeviceTimeMs"/>.
    /// </summary>
    public static ReadingRejection? Check(string patientId, IngestReading reading, long latestDeviceTimeMs)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.DeviceId is not { Length: > 0 and <= 64 })
        {
            return new ReadingRejection(RejectionClass.Device, "deviceId must be 1-64 characters");
        }

        if (reading.DeviceTimeMs < MinDeviceTimeMs || reading.DeviceTimeMs > latestDeviceTimeMs)
        {
            return new ReadingRejection(RejectionClass.Time, "deviceTimeMs is impossible (before 2000 or more than 10 min in the future)");
        }

        if (ReadingValidator.Validate(reading.Metric, reading.Unit, reading.Values) is { } invalid)
        {
            return new ReadingRejection(RejectionClass.Catalogue, invalid);
        }

        return LineProtocolSerializer.Check(patientId, reading) is { } unwritable
            ? new ReadingRejection(RejectionClass.Format, unwritable)
            : null;
    }
}
