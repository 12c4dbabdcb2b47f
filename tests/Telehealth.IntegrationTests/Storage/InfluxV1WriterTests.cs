using System.Text;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Storage;
using Telehealth.Ingest.Storage.InfluxQl;
using Telehealth.IntegrationTests.Fixtures;
using static Telehealth.IntegrationTests.Storage.StorageTestData;

namespace Telehealth.IntegrationTests.Storage;

/// <summary>The v1 writer against a real influxd 1.6.7, read back with InfluxQL.</summary>
public sealed class InfluxV1WriterTests : IAsyncLifetime, IDisposable
{
    private const long T0 = 1_700_000_000_123;
    private readonly HttpClient _http = new();
    private InfluxdServer? _server;

    private InfluxdServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _server = await InfluxdServer.StartAsync(CancellationToken.None);
        await InfluxQl(_http, V1Options(Server.BaseAddress)).CreateDatabaseAsync(Database, CancellationToken.None);
    }

    public void Dispose() => _http.Dispose();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task WriteAsync_Readings_ReadBackWithValuesTagsAndMillisecondTimestamps()
    {
        var options = V1Options(Server.BaseAddress);
        IngestReading[] readings =
        [
            BloodPressure(1, "cuff 1,a=b", T0, 120.5, 80, 93.5),
            BloodPressure(2, "cuff 1,a=b", T0 + 1, 1E+21, 1.0 / 3, 5E-324),
            HeartRate(3, "band-é", T0 + 2, 61),
        ];

        await V1Writer(_http, options).WriteAsync("patient \"7\"", readings, CancellationToken.None);

        var result = await InfluxQl(_http, options).QueryAsync("SELECT * FROM \"blood_pressure\" GROUP BY *", CancellationToken.None);
        var series = Assert.Single(result.Series);
        Assert.Equal("blood_pressure", series.Name);
        Assert.Equal("cuff 1,a=b", series.Tags["device"]);
        Assert.Equal("patient \"7\"", series.Tags["patient"]);
        Assert.Equal(2, series.Values.Count);
        Assert.Equal(T0, series.GetInt64(0, "time"));
        Assert.Equal(120.5, series.GetDouble(0, "systolic"));
        Assert.Equal(80, series.GetDouble(0, "diastolic"));
        Assert.Equal(93.5, series.GetDouble(0, "map"));
        Assert.Equal(T0 + 1_000, series.GetInt64(0, "received_ms"));
        Assert.Equal(T0 + 1, series.GetInt64(1, "time"));
        Assert.Equal(1E+21, series.GetDouble(1, "systolic"));
        Assert.Equal(1.0 / 3, series.GetDouble(1, "diastolic"));
        Assert.Equal(5E-324, series.GetDouble(1, "map"));

        var heartRate = await InfluxQl(_http, options).QueryAsync(
            "SELECT \"value\", \"received_ms\" FROM \"heart_rate\" WHERE \"device\" = " + InfluxQlClient.QuoteLiteral("band-é"),
            CancellationToken.None);
        var row = Assert.Single(Assert.Single(heartRate.Series).Values);
        Assert.Equal(T0 + 2, row[0].GetInt64());
        Assert.Equal(61, row[1].GetDouble());
        Assert.Equal(T0 + 2 + 250, row[2].GetInt64());
    }

    [Fact]
    public async Task WriteAsync_SameReadingsReplayedFiveTimes_LeavesThePointCountUnchanged()
    {
        var options = V1Options(Server.BaseAddress);
        var writer = V1Writer(_http, options);
        // Two devices at the same instants: different points. Same device, same instant: one point.
        var readings = Enumerable.Range(0, 40)
            .Select(i => HeartRate(i, i % 2 == 0 ? "band-a" : "band-b", T0 + (i / 2), 60 + i))
            .ToList();

        await writer.WriteAsync("p-1", readings, CancellationToken.None);
        var before = await CountAsync(options);
        for (var replay = 0; replay < 5; replay++)
        {
            await writer.WriteAsync("p-1", readings, CancellationToken.None);
        }

        Assert.Equal(40, before);
        Assert.Equal(40, await CountAsync(options));
    }

    [Fact]
    public async Task WriteAsync_ServerStoppedThenStartedAgain_ThrowsUnavailableThenStores()
    {
        var options = V1Options(Server.BaseAddress);
        var writer = V1Writer(_http, options);
        await writer.WriteAsync("p-1", [HeartRate(1, "band", T0, 60)], CancellationToken.None);

        await Server.StopAsync();
        var error = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => writer.WriteAsync("p-1", [HeartRate(2, "band", T0 + 1, 61)], CancellationToken.None));
        await Server.StartAgainAsync(CancellationToken.None);
        await writer.WriteAsync("p-1", [HeartRate(2, "band", T0 + 1, 61)], CancellationToken.None);

        Assert.Null(error.StatusCode);
        Assert.Equal(2, await CountAsync(options));
    }

    [Fact]
    public async Task WriteAsync_NothingListening_ErrorNamesTheServerButNotCredentialsInTheUrl()
    {
        var port = FreePort.Next();
        var options = V1Options(new Uri($"http://telehealth:s3cr3t-pw@127.0.0.1:{port}/"));

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => V1Writer(_http, options).WriteAsync("p-1", [HeartRate(1, "band", T0, 60)], CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_NothingListening_ThrowsStorageUnavailable()
    {
        var options = V1Options(new Uri($"http://127.0.0.1:{FreePort.Next()}/"));

        await Assert.ThrowsAsync<StorageUnavailableException>(
            () => V1Writer(_http, options).WriteAsync("p-1", [HeartRate(1, "band", T0, 60)], CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_ServerFrozen_TimesOutAsStorageUnavailable()
    {
        var options = V1Options(Server.BaseAddress, timeoutSeconds: 1);
        await Server.PauseAsync();
        try
        {
            var error = await Assert.ThrowsAsync<StorageUnavailableException>(
                () => V1Writer(_http, options).WriteAsync("p-1", [HeartRate(1, "band", T0, 60)], CancellationToken.None));
            Assert.Contains("within 1 s", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await Server.ResumeAsync();
        }
    }

    [Fact]
    public async Task WriteAsync_CallerCancels_ThrowsOperationCanceledNotUnavailable()
    {
        var options = V1Options(Server.BaseAddress);
        await Server.PauseAsync();
        try
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            // Not a StorageUnavailableException: the caller gave up, the store did not fail.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => V1Writer(_http, options).WriteAsync("p-1", [HeartRate(1, "band", T0, 60)], cancel.Token));
        }
        finally
        {
            await Server.ResumeAsync();
        }
    }

    [Fact]
    public async Task WriteAsync_FieldTypeConflict_ThrowsStorageRejectedWithTheServersMessage()
    {
        var options = V1Options(Server.BaseAddress);
        // Someone stored heart_rate.value as an integer; our float cannot go into that shard any more.
        using var integer = new StringContent($"heart_rate,device=band,patient=p-1 value=60i {T0}", Encoding.UTF8);
        using var seeded = await _http.PostAsync(new Uri(Server.BaseAddress, $"write?db={Database}&precision=ms"), integer);
        seeded.EnsureSuccessStatusCode();

        var error = await Assert.ThrowsAsync<StorageRejectedException>(
            () => V1Writer(_http, options).WriteAsync("p-1", [HeartRate(1, "band", T0 + 1, 61.5)], CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("field type conflict", error.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_UnknownDatabase_ThrowsStorageUnavailableSoTheReadingsAreKept()
    {
        var options = V1Options(Server.BaseAddress);
        options.Database = "nope";

        // Our configuration is wrong, not the readings: they must not be dead-lettered.
        var error = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => V1Writer(_http, options).WriteAsync("p-1", [HeartRate(1, "band", T0, 60)], CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("database not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("Influx:Database", error.Message, StringComparison.Ordinal);
    }

    private async Task<long> CountAsync(Ingest.Storage.InfluxOptions options)
    {
        var result = await InfluxQl(_http, options).QueryAsync("SELECT COUNT(\"value\") FROM \"heart_rate\"", CancellationToken.None);
        return Assert.Single(result.Series).GetInt64(0, "count") ?? 0;
    }
}
