using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telehealth.Ingest.Contracts.Heartbeats;
using Telehealth.Metadata.Fleet;

namespace Telehealth.UnitTests.Metadata.Fleet;

public sealed class GatewayHealthClassifierTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly FleetOptions _options = new();

    private GatewayHealthClassifier Classifier => new(_time, Options.Create(_options));

    private static GatewayRecord Gateway(long? revokedAtMs = null) => new("gw-1", "patient-1", Start.ToUnixTimeMilliseconds() - 1000, null, revokedAtMs);

    private ReceivedHeartbeat Heartbeat(long bufferedBytes = 1000, long deadLetters = 0, bool full = false, long? clockOffsetMs = 20, string version = "1.0.0+abc")
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return new ReceivedHeartbeat(new GatewayHeartbeat("gw-1", version, now, 10, bufferedBytes, now - 5000, deadLetters, full, ["hr-1"], clockOffsetMs), now);
    }

    [Fact]
    public void NoHeartbeat_IsNeverSeen_WithoutWarnings()
    {
        var health = Classifier.Classify(Gateway(), null);

        Assert.Equal(GatewayState.NeverSeen, health.State);
        Assert.Empty(health.Warnings);
        Assert.Null(health.LastHeartbeatAgeSeconds);
    }

    [Fact]
    public void FreshHeartbeat_IsOk_UntilSilentAfterSeconds_ThenSilent()
    {
        var heartbeat = Heartbeat();

        _time.Advance(TimeSpan.FromSeconds(180));
        var atLimit = Classifier.Classify(Gateway(), heartbeat);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var pastLimit = Classifier.Classify(Gateway(), heartbeat);

        Assert.Equal(GatewayState.Ok, atLimit.State);
        Assert.Equal(180, atLimit.LastHeartbeatAgeSeconds);
        Assert.Equal(GatewayState.Silent, pastLimit.State);
    }

    [Fact]
    public void SilentAfterSeconds_ComesFromOptions()
    {
        _options.SilentAfterSeconds = 30;
        var heartbeat = Heartbeat();
        _time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(GatewayState.Silent, Classifier.Classify(Gateway(), heartbeat).State);
    }

    [Fact]
    public void RevokedGateway_IsRevoked_EvenWithAFreshHeartbeat()
    {
        var health = Classifier.Classify(Gateway(revokedAtMs: Start.ToUnixTimeMilliseconds()), Heartbeat());

        Assert.Equal(GatewayState.Revoked, health.State);
    }

    [Fact]
    public void HealthyHeartbeat_HasNoWarnings()
        => Assert.Empty(Classifier.Classify(Gateway(), Heartbeat()).Warnings);

    [Fact]
    public void BufferOverItsShareOfTheBudget_WarnsBufferHigh()
    {
        _options.BufferBudgetBytes = 1000;
        _options.BufferWarningShare = 0.8;

        Assert.Empty(Classifier.Classify(Gateway(), Heartbeat(bufferedBytes: 800)).Warnings);
        Assert.Equal([GatewayWarning.BufferHigh], Classifier.Classify(Gateway(), Heartbeat(bufferedBytes: 801)).Warnings);
    }

    [Fact]
    public void FullBuffer_WarnsBufferFull_InsteadOfBufferHigh()
        => Assert.Equal([GatewayWarning.BufferFull], Classifier.Classify(Gateway(), Heartbeat(bufferedBytes: long.MaxValue / 2, full: true)).Warnings);

    [Fact]
    public void DeadLetters_Warn()
        => Assert.Equal([GatewayWarning.DeadLetters], Classifier.Classify(Gateway(), Heartbeat(deadLetters: 1)).Warnings);

    [Theory]
    [InlineData(30_000, false)]
    [InlineData(-30_000, false)]
    [InlineData(30_001, true)]
    [InlineData(-30_001, true)]
    public void ClockOffsetBeyondTheLimit_Warns(long offsetMs, bool warns)
        => Assert.Equal(warns, Classifier.Classify(Gateway(), Heartbeat(clockOffsetMs: offsetMs)).Warnings.Contains(GatewayWarning.ClockOffset));

    [Fact]
    public void UnmeasuredClockOffset_DoesNotWarn()
        => Assert.Empty(Classifier.Classify(Gateway(), Heartbeat(clockOffsetMs: null)).Warnings);

    [Theory]
    [InlineData("1.2.0", "1.2", false)]
    [InlineData("1.2.0", "1.2.0+abcdef", false)]
    [InlineData("1.2.0", "1.10.0-beta", false)]
    [InlineData("1.2.0", "1.1.9+abc", true)]
    [InlineData("1.2.0", "unknown", true)]
    [InlineData("", "unknown", false)]
    public void VersionBelowTheMinimum_WarnsOldVersion(string minimum, string reported, bool warns)
    {
        _options.MinimumVersion = minimum;

        Assert.Equal(warns, Classifier.Classify(Gateway(), Heartbeat(version: reported)).Warnings.Contains(GatewayWarning.OldVersion));
    }

    [Fact]
    public void SilentGateway_KeepsTheWarningsOfItsLastHeartbeat()
    {
        var heartbeat = Heartbeat(deadLetters: 3);
        _time.Advance(TimeSpan.FromHours(1));

        var health = Classifier.Classify(Gateway(), heartbeat);

        Assert.Equal(GatewayState.Silent, health.State);
        Assert.Equal([GatewayWarning.DeadLetters], health.Warnings);
        Assert.Equal(3600, health.LastHeartbeatAgeSeconds);
    }
}
