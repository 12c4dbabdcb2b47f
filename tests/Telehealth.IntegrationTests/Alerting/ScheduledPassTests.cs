using Microsoft.Extensions.Time.Testing;
using Telehealth.Ingest.Alerting;
using Telehealth.Ingest.Storage.InfluxQl;
using Telehealth.IntegrationTests.Fixtures;
using Telehealth.Metadata;
using Telehealth.Metadata.Alerts;
using Telehealth.Metadata.People;

namespace Telehealth.IntegrationTests.Alerting;

/// <summary>
/// The scheduled pass on real InfluxDB and a real database, two days later on a fake clock: a silent device gets one
/// technical alert, a second pass adds none, an instance without the lease does nothing, and a clinical alert is
/// left alone by a pass that did not evaluate its rule.
/// </summary>
public sealed class ScheduledPassTests
{
    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task SilentDevice_GetsOneTechnicalAlert_AndClinicalAlertsAreLeftAlone(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var influx = await InfluxdServer.StartAsync(timeout.Token);
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        await AlertingSeed.CreateAsync(database.Db, "p-1", "p-2", timeout.Token);
        await new PatientStore(database.Db, TimeProvider.System).UpsertAsync("p-1", null, 0,
            """{"devices":[{"deviceId":"scale-1","expectedIntervalHours":4}]}""", timeout.Token);
        var later = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(2));
        var settings = new Dictionary<string, string?> { ["Influx:Url"] = influx.BaseAddress.ToString(), ["Influx:Database"] = "telehealth" };
        await using var first = new IngestInstance(database, settings, later);
        await using var second = new IngestInstance(database, settings, later);
        await first.Get<InfluxQlClient>().CreateDatabaseAsync("telehealth", timeout.Token);
        var store = first.Get<AlertStore>();
        var clinical = await AlertingSeed.OpenAsync(store, "p-1", "bp.systolic", later.GetUtcNow().AddDays(-8), timeout.Token); // quiet for 8 days

        var evaluated = await first.Get<ScheduledEvaluationService>().RunPassAsync(TimeSpan.FromMinutes(5), timeout.Token);
        var again = await first.Get<ScheduledEvaluationService>().RunPassAsync(TimeSpan.FromMinutes(5), timeout.Token);
        var withoutLease = await second.Get<ScheduledEvaluationService>().RunPassAsync(TimeSpan.FromMinutes(5), timeout.Token);

        Assert.Equal(2, evaluated); // p-1 and p-2
        Assert.Equal(2, again);
        Assert.Equal(0, withoutLease);
        var technical = Assert.Single(await store.ListAsync(new AlertQuery { Category = "technical" }, timeout.Token));
        Assert.Equal(("p-1", "technical.device-silence", "scale-1", 2), (technical.PatientId, technical.RuleId, technical.Subject, technical.FiringCount));
        Assert.Contains("scale-1 has sent nothing", AlertView.From(technical).Explanation.Message, StringComparison.Ordinal);
        Assert.Equal(AlertStatuses.Open, (await store.GetAsync(clinical.Id, timeout.Token))!.Status);
    }
}
