using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Pipeline;

/// <summary>
/// Simulated devices → embedded broker → SQLite buffer → forwarder → ingest → influxd, all real processes; every
/// acknowledged reading must be in InfluxDB exactly once with its values and its device timestamp.
/// </summary>
public sealed class EndToEndTests
{
    private static readonly string[] Metrics = ["heart_rate", "spo2", "blood_pressure", "body_weight", "steps"];

    [Fact]
    public async Task AcknowledgedReadings_ArriveInInfluxExactlyOnce_WithValuesAndDeviceTime()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var pipeline = await Fixtures.Pipeline.StartAsync(cancellationToken: timeout.Token);
        var ackLog = Path.Combine(pipeline.Directory, "acked.tsv");

        var summary = await pipeline.RunSimulatorAsync(
            ["--devices", "5", "--kinds", "wearable,oximeter,bp,scale,steps", "--rate", "50", "--count", "40",
             "--samples-per-message", "3", "--invalid-every", "10", "--acked-log", ackLog], timeout.Token);

        var acked = AckedReading.ReadLog(ackLog);
        Assert.Contains("invalid=20", summary, StringComparison.Ordinal); // 5 devices × 4 invalid messages of one sample
        Assert.Equal(5 * 36 * 3, acked.Count);

        var stored = await WaitForPointsAsync(pipeline, acked.Count, timeout.Token);

        Assert.Equal(acked.Count, stored.Count);
        var storedByKey = stored.ToDictionary(p => (p.Metric, p.Device, p.TimeMs));
        Assert.Equal(stored.Count, storedByKey.Count);
        foreach (var reading in acked)
        {
            Assert.True(storedByKey.TryGetValue((reading.Metric, reading.Device, reading.TimeMs), out var point),
                $"acknowledged {reading.Metric} from {reading.Device} at {reading.TimeMs} is missing in InfluxDB");
            Assert.Equal(reading.Values, point.Values);
            Assert.Equal(pipeline.PatientId, point.Patient);
            Assert.NotNull(point.ReceivedMs);
        }

        var status = await GatewayStatusAsync(pipeline, timeout.Token);
        Assert.Equal(20, status.GetProperty("messagesInvalid").GetInt64());
        Assert.Equal(20, status.GetProperty("buffer").GetProperty("deadLetters").GetInt64());
        Assert.Equal(0, status.GetProperty("buffer").GetProperty("readings").GetInt64());
    }

    [Fact]
    public async Task Mqtt311Device_GetsReadingsStoredToo()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var pipeline = await Fixtures.Pipeline.StartAsync(cancellationToken: timeout.Token);
        var ackLog = Path.Combine(pipeline.Directory, "acked.tsv");

        await pipeline.RunSimulatorAsync(["--devices", "2", "--protocol", "3.1.1", "--rate", "0", "--count", "25", "--acked-log", ackLog], timeout.Token);

        var acked = AckedReading.ReadLog(ackLog);
        Assert.Equal(50, acked.Count);
        var stored = await WaitForPointsAsync(pipeline, acked.Count, timeout.Token);
        Assert.Equal(acked.Select(a => (a.Device, a.TimeMs)).Order(), stored.Select(s => (s.Device, s.TimeMs)).Order());
    }

    private static async Task<IReadOnlyList<StoredPoint>> WaitForPointsAsync(Fixtures.Pipeline pipeline, int expected, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<StoredPoint> stored = [];
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            stored = await pipeline.ReadPointsAsync(Metrics, cancellationToken);
            if (stored.Count >= expected)
            {
                await Task.Delay(500, cancellationToken); // would anything extra still arrive?
                return await pipeline.ReadPointsAsync(Metrics, cancellationToken);
            }

            await Task.Delay(200, cancellationToken);
        }

        Assert.Fail($"only {stored.Count} of {expected} points reached InfluxDB.\nGateway log:\n{pipeline.Gateway.Log}\nIngest log:\n{pipeline.Ingest.Log}");
        return stored;
    }

    private static async Task<JsonElement> GatewayStatusAsync(Fixtures.Pipeline pipeline, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<JsonElement>(new Uri(pipeline.GatewayUrl, "/status"), cancellationToken);
    }
}
