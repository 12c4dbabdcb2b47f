using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Metrics;
using Telehealth.Ingest.Storage.LineProtocol;

namespace Telehealth.Ingest.Batches;

/// <summary>Checks each reading of a batch: catalogue (metric, unit, components, plausible range), device id and time window.</summary>
public sealed class BatchValidator(TimeProvider time)
{
    /// <summary>Earliest accepted device time: 2000-01-01T00:00:00Z.</summary>
    public const long MinDeviceTimeMs = 946_684_800_000;

    /// <summary>How far ahead of the ingest's clock a device time may be.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(10);

    /// <summary>Returns null when the reading of <paramref name="patientId"/> can be stored, else the reason.</summary>
    public string? Validate(string patientId, IngestReading reading)
    {
        if (reading.DeviceId is not { Length: > 0 and <= 64 })
        {
            return "deviceId must be 1-64 characters";
        }

        var latest = time.GetUtcNow().Add(MaxAhead).ToUnixTimeMilliseconds();
        if (reading.DeviceTimeMs < MinDeviceTimeMs || reading.DeviceTimeMs > latest)
        {
            return "deviceTimeMs is impossible (before 2000 or more than 10 min in the future)";
        }

        return ReadingValidator.Validate(reading.Metric, reading.Unit, reading.Values)
            ?? LineProtocolSerializer.Check(patientId, reading);
    }
}
