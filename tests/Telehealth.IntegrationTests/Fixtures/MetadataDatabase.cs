using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telehealth.Metadata;
using Telehealth.Metadata.Database;
using Telehealth.Metadata.Migrations;

namespace Telehealth.IntegrationTests.Fixtures;

/// <summary>
/// A fresh, migrated metadata database for one test: a SQLite file in a temp dir, or a new database on the shared
/// real PostgreSQL server. Tests over the metadata store run as a theory over both providers.
/// </summary>
public sealed class MetadataDatabase : IAsyncDisposable
{
    private readonly string? _directory;

    private MetadataDatabase(MetadataOptions options, string? directory)
    {
        Options = options;
        _directory = directory;
        Db = new MetadataDb(Microsoft.Extensions.Options.Options.Create(options));
    }

    /// <summary>The providers every metadata test runs against.</summary>
    public static TheoryData<MetadataProvider> Providers => new() { MetadataProvider.Sqlite, MetadataProvider.PostgreSql };

    public MetadataOptions Options { get; }

    public MetadataDb Db { get; }

    /// <summary>Configuration keys that point an ingest process at this database.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Metadata__Provider"] = Options.Provider.ToString(),
        ["Metadata__ConnectionString"] = Options.ConnectionString,
    };

    /// <summary>Creates the database and applies all migrations.</summary>
    public static async Task<MetadataDatabase> CreateAsync(MetadataProvider provider, CancellationToken cancellationToken, bool migrate = true)
    {
        MetadataDatabase database;
        if (provider == MetadataProvider.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("telehealth-metadata-").FullName;
            database = new MetadataDatabase(new MetadataOptions { Provider = provider, ConnectionString = $"Data Source={Path.Combine(directory, "metadata.db")}" }, directory);
        }
        else
        {
            var server = await PostgresServer.SharedAsync(cancellationToken);
            database = new MetadataDatabase(new MetadataOptions { Provider = provider, ConnectionString = await server.CreateDatabaseAsync(cancellationToken) }, null);
        }

        if (migrate)
        {
            await database.Migrator().MigrateAsync(cancellationToken);
        }

        return database;
    }

    /// <summary>A migrator over this database.</summary>
    public MetadataMigrator Migrator(TimeProvider? time = null)
        => new(Db, time ?? TimeProvider.System, NullLogger<MetadataMigrator>.Instance);

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_directory is not null)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
