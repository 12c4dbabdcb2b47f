using InfluxDB.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Storage.Influx;
using Telehealth.Ingest.Storage.InfluxQl;

namespace Telehealth.Ingest.Storage;

/// <summary>Registers the time-series storage feature.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="InfluxOptions"/> (section <c>Influx</c>, checked at start), and registers
    /// <see cref="IPointWriter"/> (transient) as <see cref="InfluxV1Writer"/> on a typed HttpClient or, for
    /// <see cref="InfluxApiVersion.V2"/>, <see cref="InfluxV2Writer"/> on one singleton <see cref="InfluxDBClient"/>
    /// that the container disposes; and <see cref="InfluxQlClient"/> on a typed HttpClient.
    /// </summary>
    public static IServiceCollection AddInfluxStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<InfluxOptions>()
            .Bind(configuration.GetSection(InfluxOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Our own timeout (InfluxOptions.TimeoutSeconds) governs each request; the client's own one stays out of the way.
        services.AddHttpClient<InfluxV1Writer>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHttpClient<InfluxQlClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);

        services.AddSingleton<IInfluxDBClient>(sp => InfluxClientFactory.Create(sp.GetRequiredService<IOptions<InfluxOptions>>().Value));
        services.AddSingleton<InfluxV2Writer>();

        services.AddTransient<IPointWriter>(sp =>
            sp.GetRequiredService<IOptions<InfluxOptions>>().Value.ApiVersion == InfluxApiVersion.V2
                ? sp.GetRequiredService<InfluxV2Writer>()
                : sp.GetRequiredService<InfluxV1Writer>());

        return services;
    }
}
