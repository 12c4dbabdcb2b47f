using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Telehealth.Ingest.Storage;
using Telehealth.Ingest.Storage.InfluxQl;
using Telehealth.IntegrationTests.Fixtures;
using static Telehealth.IntegrationTests.Storage.StorageTestData;

namespace Telehealth.IntegrationTests.Storage;

/// <summary>The storage feature as the ingest host composes it, against real servers.</summary>
public sealed class AddInfluxStorageTests
{
    [Fact]
    public async Task AddInfluxStorage_V1Configuration_WritesAndReadsThroughTheRegisteredServices()
    {
        await using var influxd = await InfluxdServer.StartAsync(CancellationToken.None);
        await using var provider = Build(new()
        {
            ["Influx:Url"] = influxd.BaseAddress.ToString(),
            ["Influx:Database"] = "rehab",
        });
        var influxQl = provider.GetRequiredService<InfluxQlClient>();
        await influxQl.CreateDatabaseAsync("rehab", CancellationToken.None);

        await provider.GetRequiredService<IPointWriter>()
            .WriteAsync("p-1", [HeartRate(1, "band", 1_700_000_000_000, 72)], CancellationToken.None);

        var result = await influxQl.QueryAsync("SELECT \"value\" FROM \"heart_rate\"", CancellationToken.None);
        Assert.True(await influxQl.PingAsync(CancellationToken.None));
        Assert.Equal(72, Assert.Single(result.Series).GetDouble(0, "value"));
    }

    [Fact]
    public async Task AddInfluxStorage_V2Configuration_WritesThroughTheSharedInfluxDbClient()
    {
        await using var victoria = await VictoriaMetricsServer.StartAsync(CancellationToken.None);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        await using (var provider = Build(new()
        {
            ["Influx:ApiVersion"] = "V2",
            ["Influx:Url"] = victoria.BaseAddress.ToString(),
            ["Influx:Org"] = "telehealth",
            ["Influx:Bucket"] = "telehealth",
            ["Influx:Token"] = "test-token",
        }))
        {
            await provider.GetRequiredService<IPointWriter>()
                .WriteAsync("p-3", [HeartRate(1, "band", now, 72)], CancellationToken.None);
        }

        var exported = await ExportedSeries.ExportAsync(
            victoria, "heart_rate_value{patient=\"p-3\"}", new Dictionary<string, int> { ["heart_rate_value"] = 1 }, CancellationToken.None);
        Assert.Equal([(now, 72.0)], exported["heart_rate_value"].Samples);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var provider = new ServiceCollection().AddInfluxStorage(configuration).BuildServiceProvider(validateScopes: true);
        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        return provider;
    }
}
