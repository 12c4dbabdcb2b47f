using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telehealth.Ingest.Contracts.Heartbeats;
using Telehealth.IntegrationTests.Fixtures;
using Telehealth.Metadata;
using Telehealth.Metadata.Fleet;

namespace Telehealth.IntegrationTests.Fleet;

/// <summary>The heartbeat and fleet stores on a real SQLite file and a real PostgreSQL server.</summary>
public sealed class HeartbeatStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly long StartMs = Start.ToUnixTimeMilliseconds();
    private readonly FleetOptions _options = new() { HistoryIntervalSeconds = 300, HistoryLimit = 100 };

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task LaterHeartbeat_ReplacesTheLatest_ButAnEarlierOneArrivingLateDoesNot(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var store = new HeartbeatStore(database.Db, Options.Create(_options));

        await store.RecordAsync(Received("gw-a", StartMs, deadLetters: 1), timeout.Token);
        await store.RecordAsync(Received("gw-a", StartMs + 60_000, deadLetters: 2), timeout.Token);
        await store.RecordAsync(Received("gw-a", StartMs + 30_000, deadLetters: 9), timeout.Token);

        var latest = await store.LatestAsync("gw-a", timeout.Token);
        Assert.NotNull(latest);
        Assert.Equal(StartMs + 60_000, latest.ReceivedAtMs);
        Assert.Equal(2, latest.Heartbeat.DeadLetters);
        Assert.Equal(["cuff-1", "hr-1"], latest.Heartbeat.DevicesSeen);
        Assert.Equal(-40, latest.Heartbeat.ClockOffsetMs);
        Assert.True(latest.Heartbeat.BufferFull);
        Assert.Null(await store.LatestAsync("gw-other", timeout.Token));
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task History_KeepsAtMostOneRowPerInterval_NewestFirst_AndPruningKeepsTheLatest(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var store = new HeartbeatStore(database.Db, Options.Create(_options));

        for (var minute = 0; minute < 30; minute++) // a heartbeat a minute for half an hour
        {
            await store.RecordAsync(Received("gw-a", StartMs + (minute * 60_000L), deadLetters: minute), timeout.Token);
        }

        var history = await store.HistoryAsync("gw-a", timeout.Token);
        Assert.Equal([25L, 20, 15, 10, 5, 0], history.Select(h => h.Heartbeat.DeadLetters));

        var pruned = await store.PruneHistoryAsync(StartMs + (20 * 60_000L), timeout.Token);

        Assert.Equal(4, pruned);
        Assert.Equal([25L, 20], (await store.HistoryAsync("gw-a", timeout.Token)).Select(h => h.Heartbeat.DeadLetters));
        Assert.Equal(29, (await store.LatestAsync("gw-a", timeout.Token))!.Heartbeat.DeadLetters);
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task FleetStore_ListsEveryGatewayOfTheStore_WithItsState(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var time = new FakeTimeProvider(Start);
        var heartbeats = new HeartbeatStore(database.Db, Options.Create(_options));
        var fleet = new FleetStore(database.Db, new GatewayHealthClassifier(time, Options.Create(_options)));
        await FleetSeed.AddGatewayAsync(database.Db, "gw-ok", "patient-a", StartMs - 86_400_000, timeout.Token);
        await FleetSeed.AddGatewayAsync(database.Db, "gw-silent", "patient-b", StartMs - 86_400_000, timeout.Token);
        await FleetSeed.AddGatewayAsync(database.Db, "gw-never", "patient-c", StartMs - 86_400_000, timeout.Token);
        await FleetSeed.AddGatewayAsync(database.Db, "gw-revoked", "patient-d", StartMs - 86_400_000, timeout.Token, revokedAtMs: StartMs - 1000);
        await heartbeats.RecordAsync(Received("gw-ok", StartMs - 10_000, deadLetters: 0), timeout.Token);
        await heartbeats.RecordAsync(Received("gw-silent", StartMs - 181_000, deadLetters: 3), timeout.Token);
        await heartbeats.RecordAsync(Received("gw-revoked", StartMs - 5_000, deadLetters: 0), timeout.Token);
        await heartbeats.RecordAsync(Received("gw-not-in-store", StartMs - 5_000, deadLetters: 0), timeout.Token);

        var all = await fleet.ListAsync(null, timeout.Token);
        var silent = await fleet.ListAsync(GatewayState.Silent, timeout.Token);

        Assert.Equal(["gw-never", "gw-ok", "gw-revoked", "gw-silent"], all.Select(g => g.Id));
        Assert.Equal([GatewayState.NeverSeen, GatewayState.Ok, GatewayState.Revoked, GatewayState.Silent], all.Select(g => g.State));
        Assert.Equal("patient-b", Assert.Single(silent).PatientId);
        Assert.Equal([GatewayWarning.BufferFull, GatewayWarning.DeadLetters], silent[0].Warnings);
        Assert.Equal(181, silent[0].LastHeartbeatAgeSeconds);
        Assert.Null((await fleet.GetAsync("gw-never", timeout.Token))!.Latest);
        Assert.Null(await fleet.GetAsync("gw-not-in-store", timeout.Token));
    }

    private static ReceivedHeartbeat Received(string gatewayId, long receivedAtMs, long deadLetters)
        => new(new GatewayHeartbeat(gatewayId, "1.0.0", receivedAtMs + 40, 10, 2048, receivedAtMs - 1000, deadLetters, true, ["cuff-1", "hr-1"], -40), receivedAtMs);
}
