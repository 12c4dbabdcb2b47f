using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Storage;
using Telehealth.Ingest.Storage.Influx;
using Telehealth.Ingest.Storage.InfluxQl;

namespace Telehealth.IntegrationTests.Storage;

/// <summary>Readings and clients for the storage integration tests.</summary>
internal static class StorageTestData
{
    public const string Database = "telehealth";

    public static IngestReading HeartRate(long id, string device, long deviceTimeMs, double value)
        => new(id, device, "heart_rate", "/min", deviceTimeMs, deviceTimeMs + 250, new Dictionary<string, double> { ["value"] = value });

    public static IngestReading BloodPressure(long id, string device, long deviceTimeMs, double systolic, double diastolic, double map)
        => new(id, device, "blood_pressure", "mm[Hg]", deviceTimeMs, deviceTimeMs + 1_000, new Dictionary<string, double>
        {
            ["systolic"] = systolic,
            ["diastolic"] = diastolic,
            ["map"] = map,
        });

    public static InfluxOptions V1Options(Uri url, int timeoutSeconds = 10)
        => new() { Url = url.ToString(), Database = Database, TimeoutSeconds = timeoutSeconds };

    public static InfluxV1Writer V1Writer(HttpClient http, InfluxOptions options)
        => new(http, Options.Create(options), NullLogger<InfluxV1Writer>.Instance);

    public static InfluxQlClient InfluxQl(HttpClient http, InfluxOptions options) => new(http, Options.Create(options));
}
