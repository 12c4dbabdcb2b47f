using System.Diagnostics.Metrics;

namespace Telehealth.Ingest.Telemetry;

/// <summary>
/// The ingest's own instruments on the <see cref="MeterName"/> meter. Labels are low-cardinality classes only: never a
/// patient, gateway or device id, never a value. Prometheus names are given with each instrument (docs/operations.md).
/// </summary>
public sealed class IngestMetrics
{
    /// <summary>The meter's name (also what the OpenTelemetry SDK is told to listen to).</summary>
    public const string MeterName = "Telehealth.Ingest";

    private readonly Counter<long> _readingsStored;
    private readonly Counter<long> _readingsRejected;
    private readonly Counter<long> _batches;
    private readonly Counter<long> _authFailures;
    private readonly Counter<long> _storageUnavailable;
    private readonly Counter<long> _payloadTooLarge;
    private readonly Counter<long> _rateLimited;
    private readonly Histogram<double> _batchDuration;
    private readonly Histogram<double> _influxWriteDuration;

    public IngestMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _readingsStored = meter.CreateCounter<long>("telehealth.ingest.readings.stored", "{reading}",
            "Readings written to the time-series store (telehealth_ingest_readings_stored_total)");
        _readingsRejected = meter.CreateCounter<long>("telehealth.ingest.readings.rejected", "{reading}",
            "Readings rejected, by reason class (telehealth_ingest_readings_rejected_total{reason})");
        _batches = meter.CreateCounter<long>("telehealth.ingest.batches", "{batch}",
            "Batch requests answered, by outcome (telehealth_ingest_batches_total{outcome})");
        _authFailures = meter.CreateCounter<long>("telehealth.ingest.auth.failures", "{request}",
            "Gateway API requests refused with 401 or 403 (telehealth_ingest_auth_failures_total{status})");
        _storageUnavailable = meter.CreateCounter<long>("telehealth.ingest.storage.unavailable", "{request}",
            "Batches answered 503 because the time-series store was unreachable (telehealth_ingest_storage_unavailable_total)");
        _payloadTooLarge = meter.CreateCounter<long>("telehealth.ingest.payload.too_large", "{request}",
            "Requests refused with 413, compressed or inflated (telehealth_ingest_payload_too_large_total)");
        _rateLimited = meter.CreateCounter<long>("telehealth.ingest.rate_limited", "{request}",
            "Requests refused with 429 by the per-gateway rate limit (telehealth_ingest_rate_limited_total)");
        _batchDuration = meter.CreateHistogram<double>("telehealth.ingest.batch.duration", "s",
            "Time to handle one batch request, by outcome (telehealth_ingest_batch_duration_seconds{outcome})");
        _influxWriteDuration = meter.CreateHistogram<double>("telehealth.ingest.influx.write.duration", "s",
            "Time of one write request to InfluxDB (telehealth_ingest_influx_write_duration_seconds)");
    }

    public void ReadingsStored(int count)
    {
        if (count > 0)
        {
            _readingsStored.Add(count);
        }
    }

    /// <summary>Counts one rejected reading; <paramref name="reasonClass"/> is one of <see cref="RejectionClass"/>.</summary>
    public void ReadingRejected(string reasonClass) => _readingsRejected.Add(1, new KeyValuePair<string, object?>("reason", reasonClass));

    /// <summary>Counts a batch request's answer and its duration.</summary>
    public void BatchAnswered(int status, TimeSpan duration)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", BatchOutcome.FromStatus(status));
        _batches.Add(1, outcome);
        _batchDuration.Record(duration.TotalSeconds, outcome);
    }

    /// <summary>Counts what any gateway API answer says about auth, size and rate limits.</summary>
    public void GatewayRequestAnswered(int status)
    {
        switch (status)
        {
            case 401 or 403:
                _authFailures.Add(1, new KeyValuePair<string, object?>("status", status == 401 ? "401" : "403"));
                break;
            case 413:
                _payloadTooLarge.Add(1);
                break;
            case 429:
                _rateLimited.Add(1);
                break;
        }
    }

    public void StorageUnavailable() => _storageUnavailable.Add(1);

    public void InfluxWrite(TimeSpan duration) => _influxWriteDuration.Record(duration.TotalSeconds);
}
