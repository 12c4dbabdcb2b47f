using System.Text.Json;
using InfluxDB.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Storage;
using Telehealth.Ingest.Storage.Influx;
using Telehealth.IntegrationTests.Fixtures;
using static Telehealth.IntegrationTests.Storage.StorageTestData;

namespace Telehealth.IntegrationTests.Storage;

/// <summary>The v2 writer, through InfluxDB.Client's /api/v2/write, against a real VictoriaMetrics.</summary>
public sealed class InfluxV2WriterTests : IAsyncLifetime
{
    private VictoriaMetricsServer? _server;

    private VictoriaMetricsServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _server = await VictoriaMetricsServer.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task WriteAsync_ThroughInfluxDbClient_VictoriaMetricsExportsValuesAndMillisecondTimestamps()
    {
        // VictoriaMetrics keeps one month by default: recent timestamps, with a millisecond part.
        var t0 = (TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() / 1000 * 1000) - 60_000 + 123;
        var options = V2Options(Server.BaseAddress);
        using var client = InfluxClientFactory.Create(options);
        var writer = new InfluxV2Writer(client, Options.Create(options), NullLogger<InfluxV2Writer>.Instance);

        await writer.WriteAsync(
            "p-1",
            [BloodPressure(1, "cuff 1", t0, 120.5, 80, 93.5), BloodPressure(2, "cuff 1", t0 + 1, 118, 79.25, 92)],
            CancellationToken.None);

        var series = await ExportedSeries.ExportAsync(
            Server,
            "{__name__=~\"blood_pressure_.*\",patient=\"p-1\"}",
            new Dictionary<string, int>
            {
                ["blood_pressure_diastolic"] = 2, ["blood_pressure_map"] = 2, ["blood_pressure_received_ms"] = 2, ["blood_pressure_systolic"] = 2,
            },
            CancellationToken.None);
        Assert.Equal(["blood_pressure_diastolic", "blood_pressure_map", "blood_pressure_received_ms", "blood_pressure_systolic"],
            series.Keys.Order(StringComparer.Ordinal));
        var systolic = series["blood_pressure_systolic"];
        Assert.Equal("cuff 1", systolic.Device);
        Assert.Equal([t0, t0 + 1], systolic.Samples.Select(s => s.TimeMs));
        Assert.Equal([120.5, 118], systolic.Samples.Select(s => s.Value));
        Assert.Equal([80, 79.25], series["blood_pressure_diastolic"].Samples.Select(s => s.Value));
        Assert.Equal([(double)(t0 + 1_000), t0 + 1 + 1_000], series["blood_pressure_received_ms"].Samples.Select(s => s.Value));
    }

    [Fact]
    public async Task WriteAsync_SameReadingsReplayed_KeepsOneSamplePerReadingWhenTheServerDeduplicates()
    {
        var t0 = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() - 60_000;
        var options = V2Options(Server.BaseAddress);
        using var client = InfluxClientFactory.Create(options);
        var writer = new InfluxV2Writer(client, Options.Create(options), NullLogger<InfluxV2Writer>.Instance);
        var readings = Enumerable.Range(0, 10).Select(i => HeartRate(i, "band", t0 + i, 60 + i)).ToList();

        for (var replay = 0; replay < 3; replay++)
        {
            await writer.WriteAsync("p-2", readings, CancellationToken.None);
        }

        var exported = await ExportedSeries.ExportAsync(
            Server, "heart_rate_value{patient=\"p-2\"}", new Dictionary<string, int> { ["heart_rate_value"] = 10 }, CancellationToken.None);
        var samples = exported["heart_rate_value"].Samples;
        // Same series + same millisecond on every replay: VictoriaMetrics' deduplication (on in the fixture) keeps one,
        // as InfluxDB overwrites one point.
        Assert.Equal(readings.Select(r => r.DeviceTimeMs), samples.Select(s => s.TimeMs));
        Assert.Equal(readings.Select(r => r.Values["value"]), samples.Select(s => s.Value));
    }

    [Fact]
    public async Task WriteAsync_NothingListening_ThrowsStorageUnavailable()
    {
        var options = V2Options(new Uri($"http://127.0.0.1:{FreePort.Next()}/"));
        using var client = InfluxClientFactory.Create(options);
        var writer = new InfluxV2Writer(client, Options.Create(options), NullLogger<InfluxV2Writer>.Instance);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => writer.WriteAsync("p-1", [HeartRate(1, "band", 1, 60)], CancellationToken.None));

        Assert.Null(error.StatusCode);
        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_CallerCancels_ThrowsOperationCanceledNotUnavailable()
    {
        var options = V2Options(Server.BaseAddress);
        using var client = InfluxClientFactory.Create(options);
        var writer = new InfluxV2Writer(client, Options.Create(options), NullLogger<InfluxV2Writer>.Instance);
        await Server.PauseAsync();
        try
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => writer.WriteAsync("p-1", [HeartRate(1, "band", 1, 60)], cancel.Token));
        }
        finally
        {
            await Server.ResumeAsync();
        }
    }

    [Fact]
    public async Task WriteAsync_ServerWithoutV2Api_ThrowsStorageUnavailableNamingTheConfiguration()
    {
        // InfluxDB 1.6.7 answers /api/v2/write with 404: ApiVersion is wrong, the readings are fine and must be kept.
        await using var influxd = await InfluxdServer.StartAsync(CancellationToken.None);
        var options = V2Options(influxd.BaseAddress);
        using var client = InfluxClientFactory.Create(options);
        var writer = new InfluxV2Writer(client, Options.Create(options), NullLogger<InfluxV2Writer>.Instance);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => writer.WriteAsync("p-1", [HeartRate(1, "band", 1, 60)], CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("Influx:ApiVersion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ServerFrozen_TimesOutAsStorageUnavailable()
    {
        var options = V2Options(Server.BaseAddress, timeoutSeconds: 1);
        using var client = InfluxClientFactory.Create(options);
        var writer = new InfluxV2Writer(client, Options.Create(options), NullLogger<InfluxV2Writer>.Instance);
        await Server.PauseAsync();
        try
        {
            var error = await Assert.ThrowsAsync<StorageUnavailableException>(
                () => writer.WriteAsync("p-1", [HeartRate(1, "band", 1, 60)], CancellationToken.None));
            Assert.Contains("within 1 s", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await Server.ResumeAsync();
        }
    }

    private static InfluxOptions V2Options(Uri url, int timeoutSeconds = 10) => new()
    {
        ApiVersion = InfluxApiVersion.V2,
        Url = url.ToString(),
        Org = "telehealth",
        Bucket = "telehealth",
        Token = "test-token",
        TimeoutSeconds = timeoutSeconds,
    };}
