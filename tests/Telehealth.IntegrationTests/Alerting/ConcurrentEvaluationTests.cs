using System.Globalization;
using System.Text;
using Dapper;
using Telehealth.Ingest.Alerting;
using Telehealth.IntegrationTests.Fixtures;
using Telehealth.Metadata;
using Telehealth.Metadata.Alerts;

namespace Telehealth.IntegrationTests.Alerting;

/// <summary>
/// Two ingest instances (each its own connection pool, evaluator and store) evaluate the same patient at the same
/// time, again and again, against real InfluxDB data that crosses a threshold: exactly one alert and one
/// notification exist afterwards.
/// </summary>
public sealed class ConcurrentEvaluationTests
{
    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task TwoInstancesEvaluatingOnePatientAtOnce_OpenExactlyOneAlert(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var influx = await InfluxdServer.StartAsync(timeout.Token);
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        await AlertingSeed.CreateAsync(database.Db, "p-1", "p-2", timeout.Token);
        var settings = new Dictionary<string, string?> { ["Influx:Url"] = influx.BaseAddress.ToString(), ["Influx:Database"] = "telehealth" };
        await using var first = new IngestInstance(database, settings);
        await using var second = new IngestInstance(database, settings);
        await first.Get<Telehealth.Ingest.Storage.InfluxQl.InfluxQlClient>().CreateDatabaseAsync("telehealth", timeout.Token);
        await WriteSystolicAsync(influx, "p-1", 190, timeout.Token);

        var runs = Enumerable.Range(0, 6).SelectMany(_ => new[] { first, second })
            .Select(instance => Task.Run(() => instance.Get<PatientEvaluator>().EvaluateAsync("p-1", EvaluationScope.AllRules, timeout.Token), timeout.Token))
            .ToList();
        var outcomes = await Task.WhenAll(runs);

        Assert.All(outcomes, Assert.NotNull);
        Assert.Equal(1, outcomes.Sum(o => o!.Opened.Count));
        await using var connection = await database.Db.OpenAsync(timeout.Token);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM alerts WHERE patient_id = 'p-1' AND rule_id = 'bp.systolic'"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM alert_outbox"));
        var alert = Assert.Single(await first.Get<AlertStore>().ListAsync(new AlertQuery { PatientId = "p-1" }, timeout.Token));
        // every evaluation opened the alert, folded its firing into it, or lost the race to open it — never a second alert
        Assert.Equal(runs.Count, outcomes.Sum(o => o!.Opened.Count + o.Folded + o.LostRaces));
        Assert.Equal(1 + outcomes.Sum(o => o!.Folded), alert.FiringCount);
        Assert.Contains("above 180", AlertView.From(alert).Explanation.Message, StringComparison.Ordinal);
    }

    private static async Task WriteSystolicAsync(InfluxdServer influx, string patientId, double systolic, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"blood_pressure,device=cuff-1,patient={patientId} diastolic=95,received_ms={now}i,systolic={systolic} {now - 1000}\n");
        using var response = await http.PostAsync(new Uri(influx.BaseAddress, "/write?db=telehealth&precision=ms"), new StringContent(line, Encoding.UTF8), cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
