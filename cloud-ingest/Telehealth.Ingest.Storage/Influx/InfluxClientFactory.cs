using InfluxDB.Client;

namespace Telehealth.Ingest.Storage.Influx;

/// <summary>Builds the InfluxDB.Client used by <see cref="InfluxV2Writer"/> from <see cref="InfluxOptions"/>.</summary>
public static class InfluxClientFactory
{
    /// <summary>A client for the v2 write API: token auth, org and bucket, the configured timeout, no redirects.</summary>
    public static InfluxDBClient Create(InfluxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new InfluxDBClientOptions(options.Url)
        {
            Token = options.Token,
            Org = options.Org,
            Bucket = options.Bucket,
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            AllowHttpRedirects = false,
        };
        return new InfluxDBClient(clientOptions);
    }
}
