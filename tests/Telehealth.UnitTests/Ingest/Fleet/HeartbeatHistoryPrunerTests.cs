using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telehealth.Ingest.Contracts.Heartbeats;
using Telehealth.Ingest.Fleet;
using Telehealth.Metadata;
using Telehealth.Metadata.Database;
using Telehealth.Metadata.Fleet;
using Telehealth.Metadata.Migrations;

namespace Telehealth.UnitTests.Ingest.Fleet;

/// <summary>The pruner over a real SQLite file in a temp dir, driven by a <see cref="FakeTimeProvider"/>.</summary>
public sealed class HeartbeatHistoryPrunerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("th-pruner-").FullName;
    private readonly FakeTimeProvider _time = new(Start);
    private readonly IOptions<FleetOptions> _options = Options.Create(new FleetOptions { HistoryDays = 1, HistoryIntervalSeconds = 0 });

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Pruner_DeletesHistoryOlderThanHistoryDays_AtStartAndEveryHour_AndKeepsTheLatest()
    {
        await using var db = new MetadataDb(Options.Create(new MetadataOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "metadata.db")}" }));
        await new MetadataMigrator(db, _time, NullLogger<MetadataMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var store = new HeartbeatStore(db, _options);
        await RecordAsync(store, Start.AddDays(-2));
        await RecordAsync(store, Start.AddHours(-23));
        await RecordAsync(store, Start.AddMinutes(-1));
        using var pruner = new HeartbeatHistoryPruner(store, _time, _options, NullLogger<HeartbeatHistoryPruner>.Instance);

        await pruner.StartAsync(CancellationToken.None);
        await WaitForHistoryAsync(db, 2); // the round at start: the row two days old is gone
        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1)); // now the 23-hour-old row is past one day
        await WaitForHistoryAsync(db, 1);
        await pruner.StopAsync(CancellationToken.None);

        Assert.Equal(Start.AddMinutes(-1).ToUnixTimeMilliseconds(), (await store.LatestAsync("gw-1", CancellationToken.None))!.ReceivedAtMs);
    }

    private static Task RecordAsync(HeartbeatStore store, DateTimeOffset receivedAt)
    {
        var ms = receivedAt.ToUnixTimeMilliseconds();
        return store.RecordAsync(new ReceivedHeartbeat(new GatewayHeartbeat("gw-1", "1.0.0", ms, 0, 0, null, 0, false, [], null), ms), CancellationToken.None);
    }

    private static async Task WaitForHistoryAsync(MetadataDb db, long expected)
    {
        var clock = Stopwatch.StartNew();
        long count;
        while ((count = await CountAsync(db)) != expected)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"history has {count} rows, expected {expected}");
            await Task.Delay(20);
        }
    }

    private static async Task<long> CountAsync(MetadataDb db)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM gateway_heartbeats");
    }
}
