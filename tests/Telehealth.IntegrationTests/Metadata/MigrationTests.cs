using Dapper;
using Telehealth.IntegrationTests.Fixtures;
using Telehealth.Metadata;

namespace Telehealth.IntegrationTests.Metadata;

/// <summary>The metadata migrations on a real SQLite file and a real PostgreSQL server.</summary>
public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task AllMigrationsApplyOnce_AndASecondRunAppliesNothing(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token, migrate: false);
        var migrator = database.Migrator();

        var first = await migrator.MigrateAsync(timeout.Token);
        var second = await migrator.MigrateAsync(timeout.Token);

        Assert.Equal(migrator.Known, first);
        Assert.Contains("0001_people_and_audit", first);
        Assert.Empty(second);
        await using var connection = await database.Db.OpenAsync(timeout.Token);
        Assert.Equal(first.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task InstancesStartingTogether_ApplyEachMigrationExactlyOnce(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token, migrate: false);
        await using var second = new Telehealth.Metadata.Database.MetadataDb(Microsoft.Extensions.Options.Options.Create(database.Options));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => database.Migrator().MigrateAsync(timeout.Token))));

        Assert.Equal(database.Migrator().Known.Count, results.Sum(r => r.Count));
    }
}
