using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Storage;
using Telehealth.Ingest.Storage.Influx;
using Telehealth.Ingest.Storage.InfluxQl;

namespace Telehealth.UnitTests.Storage;

public sealed class StorageServiceCollectionExtensionsTests
{
    [Fact]
    public void AddInfluxStorage_V1_ResolvesTheV1WriterAndTheInfluxQlClient()
    {
        using var provider = Build(new() { ["Influx:Url"] = "http://127.0.0.1:8086" });

        Assert.IsType<InfluxV1Writer>(provider.GetRequiredService<IPointWriter>());
        Assert.NotNull(provider.GetRequiredService<InfluxQlClient>());
    }

    [Fact]
    public void AddInfluxStorage_V2_ResolvesTheV2WriterOnOneSharedClient()
    {
        using var provider = Build(new()
        {
            ["Influx:ApiVersion"] = "V2",
            ["Influx:Url"] = "http://127.0.0.1:8086",
            ["Influx:Org"] = "o",
            ["Influx:Bucket"] = "b",
            ["Influx:Token"] = "t",
        });

        var first = provider.GetRequiredService<IPointWriter>();
        var second = provider.GetRequiredService<IPointWriter>();

        Assert.IsType<InfluxV2Writer>(first);
        Assert.Same(first, second);
    }

    [Fact]
    public void AddInfluxStorage_V2WithoutToken_FailsStartupValidationNamingTheKey()
    {
        using var provider = Build(new()
        {
            ["Influx:ApiVersion"] = "V2",
            ["Influx:Url"] = "http://127.0.0.1:8086",
            ["Influx:Org"] = "o",
            ["Influx:Bucket"] = "b",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Influx:Token", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddInfluxStorage(configuration).BuildServiceProvider(validateScopes: true);
    }
}
