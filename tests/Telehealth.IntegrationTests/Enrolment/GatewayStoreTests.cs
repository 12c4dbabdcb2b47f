using Dapper;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telehealth.IntegrationTests.Fixtures;
using Telehealth.Metadata;
using Telehealth.Metadata.Gateways;

namespace Telehealth.IntegrationTests.Enrolment;

/// <summary>The gateway store on a real SQLite file and a real PostgreSQL server, with a fake clock.</summary>
public sealed class GatewayStoreTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task Create_CreatesThePatient_AndACodeThatExchangesOnceForAWorkingSecret(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var store = Store(database);

        var code = await store.CreateAsync("gw-a", "patient-a", timeout.Token);
        var again = await store.CreateAsync("gw-a", "patient-b", timeout.Token);
        var enrolled = await store.EnrolAsync("gw-a", code!.Value, timeout.Token);
        var replay = await store.EnrolAsync("gw-a", code.Value, timeout.Token);

        Assert.Null(again);
        Assert.Equal(_time.GetUtcNow().AddHours(24), code.ExpiresAt);
        Assert.Equal(EnrolmentStatus.Enrolled, enrolled.Status);
        Assert.Equal("patient-a", enrolled.PatientId);
        Assert.Equal(_time.GetUtcNow().AddDays(365), enrolled.Secret!.ExpiresAt);
        Assert.Equal(EnrolmentStatus.InvalidCode, replay.Status);
        var auth = await store.AuthenticateAsync("gw-a", enrolled.Secret.Value, timeout.Token);
        Assert.Equal(GatewayAuthStatus.Authenticated, auth.Status);
        Assert.Equal("patient-a", auth.PatientId);
        Assert.Equal(GatewayAuthStatus.Unknown, (await store.AuthenticateAsync("gw-a", code.Value, timeout.Token)).Status);
        Assert.Equal(GatewayAuthStatus.Unknown, (await store.AuthenticateAsync("gw-b", enrolled.Secret.Value, timeout.Token)).Status);
        await using var connection = await database.Db.OpenAsync(timeout.Token);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM patients WHERE id = 'patient-a'"));
        var stored = await connection.QuerySingleAsync<(string Secret, string? Code)>("SELECT secret_sha256, enrolment_code_sha256 FROM gateways WHERE id = 'gw-a'");
        Assert.Equal(Telehealth.Metadata.Database.TokenHash.Of(enrolled.Secret.Value), stored.Secret);
        Assert.Null(stored.Code);
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task ExpiredCodeAndExpiredSecret_AreRefusedAsExpired(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var store = Store(database);
        var late = await store.CreateAsync("gw-late", "patient-a", timeout.Token);
        var code = await store.CreateAsync("gw-a", "patient-a", timeout.Token);
        var secret = (await store.EnrolAsync("gw-a", code!.Value, timeout.Token)).Secret!;

        _time.Advance(TimeSpan.FromHours(24));
        Assert.Equal(EnrolmentStatus.CodeExpired, (await store.EnrolAsync("gw-late", late!.Value, timeout.Token)).Status);
        Assert.Equal(GatewayAuthStatus.Authenticated, (await store.AuthenticateAsync("gw-a", secret.Value, timeout.Token)).Status);

        _time.Advance(TimeSpan.FromDays(365));
        Assert.Equal(GatewayAuthStatus.Expired, (await store.AuthenticateAsync("gw-a", secret.Value, timeout.Token)).Status);
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task Revoke_RefusesTheSecretAtOnce_AndANewCodeReplacesIt(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var store = Store(database);
        var code = await store.CreateAsync("gw-a", "patient-a", timeout.Token);
        var old = (await store.EnrolAsync("gw-a", code!.Value, timeout.Token)).Secret!;

        Assert.True(await store.RevokeAsync("gw-a", timeout.Token));
        Assert.False(await store.RevokeAsync("gw-none", timeout.Token));
        Assert.Equal(GatewayAuthStatus.Revoked, (await store.AuthenticateAsync("gw-a", old.Value, timeout.Token)).Status);
        Assert.NotNull((await store.GetAsync("gw-a", timeout.Token))!.RevokedAt);

        var replacement = await store.IssueCodeAsync("gw-a", timeout.Token);
        var fresh = (await store.EnrolAsync("gw-a", replacement.Value, timeout.Token)).Secret!;

        Assert.Equal(GatewayAuthStatus.Authenticated, (await store.AuthenticateAsync("gw-a", fresh.Value, timeout.Token)).Status);
        Assert.Equal(GatewayAuthStatus.Unknown, (await store.AuthenticateAsync("gw-a", old.Value, timeout.Token)).Status);
        Assert.Null((await store.GetAsync("gw-a", timeout.Token))!.RevokedAt);
        await Assert.ThrowsAsync<GatewayNotFoundException>(() => store.IssueCodeAsync("gw-none", timeout.Token));
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task Rotation_KeepsTheOldSecretUntilTheNewOneIsFirstUsed(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var store = Store(database);
        var code = await store.CreateAsync("gw-a", "patient-a", timeout.Token);
        var old = (await store.EnrolAsync("gw-a", code!.Value, timeout.Token)).Secret!;

        var lost = await store.RotateAsync("gw-a", timeout.Token); // the answer never reached the gateway
        Assert.Equal(GatewayAuthStatus.Authenticated, (await store.AuthenticateAsync("gw-a", old.Value, timeout.Token)).Status);
        Assert.True((await store.GetAsync("gw-a", timeout.Token))!.RotationPending);
        var next = await store.RotateAsync("gw-a", timeout.Token);
        Assert.Equal(GatewayAuthStatus.Unknown, (await store.AuthenticateAsync("gw-a", lost.Value, timeout.Token)).Status);
        Assert.Equal(GatewayAuthStatus.Authenticated, (await store.AuthenticateAsync("gw-a", old.Value, timeout.Token)).Status);

        Assert.Equal(GatewayAuthStatus.Authenticated, (await store.AuthenticateAsync("gw-a", next.Value, timeout.Token)).Status);
        Assert.Equal(GatewayAuthStatus.Unknown, (await store.AuthenticateAsync("gw-a", old.Value, timeout.Token)).Status);
        Assert.Equal(GatewayAuthStatus.Authenticated, (await store.AuthenticateAsync("gw-a", next.Value, timeout.Token)).Status);
        Assert.False((await store.GetAsync("gw-a", timeout.Token))!.RotationPending);
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task Devices_AreEnrolledRemovedAndReenrolled_AndAuthenticationListsTheEnrolledOnes(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var store = Store(database);
        await store.SeedAsync("gw-a", "patient-a", Telehealth.Metadata.Database.TokenHash.Of("seed-secret"), ["dev-1"], timeout.Token);

        Assert.True(await store.AddDeviceAsync("gw-a", "dev-2", "scale", timeout.Token));
        Assert.False(await store.AddDeviceAsync("gw-none", "dev-2", null, timeout.Token));
        Assert.Throws<ArgumentException>(() => store.AddDeviceAsync("gw-a", "bad device", null, timeout.Token).GetAwaiter().GetResult());
        Assert.True(await store.RemoveDeviceAsync("gw-a", "dev-1", timeout.Token));
        Assert.False(await store.RemoveDeviceAsync("gw-a", "dev-1", timeout.Token));

        var auth = await store.AuthenticateAsync("gw-a", "seed-secret", timeout.Token);
        Assert.Equal(["dev-2"], auth.Devices!.Order());
        Assert.True(await store.AddDeviceAsync("gw-a", "dev-1", null, timeout.Token));
        var record = await store.GetAsync("gw-a", timeout.Token);
        Assert.Equal(["dev-1", "dev-2"], record!.Devices.Select(d => d.DeviceId));
        Assert.Equal("scale", record.Devices[1].Kind);
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task Seed_IsIdempotent_AndKeepsARevocation(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var store = Store(database);
        var hash = Telehealth.Metadata.Database.TokenHash.Of("seed-secret");

        await store.SeedAsync("gw-a", "patient-a", hash, ["dev-1", "dev-2"], timeout.Token);
        await store.SeedAsync("gw-a", "patient-a", hash, ["dev-1", "dev-2"], timeout.Token);
        await store.RevokeAsync("gw-a", timeout.Token);
        await store.SeedAsync("gw-a", "patient-a", hash, ["dev-1", "dev-2"], timeout.Token);

        Assert.Equal(GatewayAuthStatus.Revoked, (await store.AuthenticateAsync("gw-a", "seed-secret", timeout.Token)).Status);
        Assert.Equal(2, (await store.GetAsync("gw-a", timeout.Token))!.Devices.Count);
        Assert.Throws<ArgumentException>(() => store.SeedAsync("010190-1234", "patient-a", hash, [], timeout.Token).GetAwaiter().GetResult());
    }

    private GatewayStore Store(MetadataDatabase database)
        => new(database.Db, _time, Options.Create(new EnrolmentOptions()), Options.Create(new GatewaySecretOptions()));
}
