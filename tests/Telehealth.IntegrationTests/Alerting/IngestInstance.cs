using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telehealth.Ingest.Alerting;
using Telehealth.Ingest.Storage;
using Telehealth.IntegrationTests.Fixtures;
using Telehealth.Metadata;

namespace Telehealth.IntegrationTests.Alerting;

/// <summary>
/// The alerting part of one ingest instance, composed in-process as Program.cs composes it (metadata store, InfluxDB
/// storage, alerting) on a real database; the hosted services are not started, the test calls them.
/// </summary>
internal sealed class IngestInstance : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public IngestInstance(MetadataDatabase database, IReadOnlyDictionary<string, string?> settings, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Metadata:Provider"] = database.Options.Provider.ToString(),
            ["Metadata:ConnectionString"] = database.Options.ConnectionString,
            ["Influx:Url"] = "http://127.0.0.1:9",
        }.Concat(settings).GroupBy(kv => kv.Key).Select(g => g.Last())).Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time); // before the features' TryAdd(TimeProvider.System)
        }

        _services = services
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddMetadataStore(configuration)
            .AddInfluxStorage(configuration)
            .AddAlerting(configuration)
            .BuildServiceProvider();
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
