using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telehealth.Gateway.Devices.Analytics;
using Telehealth.UnitTests.Devices.Sensors.Support;

namespace Telehealth.UnitTests.Devices.Analytics;

public sealed class ExerciseSessionTrackerTests
{
    [Fact]
    public async Task Samples_OutsideSession_Ignored()
    {
        using var kit = new SensorTestKit();
        kit.Sessions.RecordGripForce("grip", 300);
        kit.Sessions.Start();
        kit.Sessions.RecordGripForce("grip", 100);
        kit.Time.Advance(TimeSpan.FromSeconds(10));

        await kit.Sessions.StopAsync(CancellationToken.None);

        Assert.Equal(100, kit.Sink.Value(CatalogReadings.GripForce));
    }

    [Fact]
    public async Task StopAsync_BufferFull_FeaturesKeptAndFlushedLater()
    {
        using var kit = new SensorTestKit();
        kit.Sessions.Start();
        kit.Sessions.RecordGripForce("grip", 200);
        kit.Time.Advance(TimeSpan.FromSeconds(20));
        kit.Sink.Refuse = true;

        var features = await kit.Sessions.StopAsync(CancellationToken.None);
        await kit.Sessions.CheckTimeoutAsync(CancellationToken.None);

        Assert.Equal(2, features.Count);
        Assert.Equal(2, kit.Sessions.PendingCount);
        Assert.Empty(kit.Sink.Readings);

        kit.Sink.Refuse = false;
        await kit.Sessions.CheckTimeoutAsync(CancellationToken.None);

        Assert.Equal(0, kit.Sessions.PendingCount);
        Assert.Equal(features, kit.Sink.Readings);
    }

    [Fact]
    public async Task CheckTimeout_MaxDurationWhileActive_EndsSession()
    {
        using var kit = new SensorTestKit(new EdgeAnalyticsOptions { MaxSessionDuration = TimeSpan.FromMinutes(2), IdleTimeout = TimeSpan.FromMinutes(10) });
        kit.Sessions.Start();
        kit.Time.Advance(TimeSpan.FromSeconds(119));
        await kit.Sessions.CheckTimeoutAsync(CancellationToken.None);
        Assert.True(kit.Sessions.IsActive);

        kit.Time.Advance(TimeSpan.FromSeconds(1));
        await kit.Sessions.CheckTimeoutAsync(CancellationToken.None);

        Assert.False(kit.Sessions.IsActive);
        Assert.Equal(SessionEndReason.MaxDuration, kit.Sessions.LastEndReason);
        Assert.Equal(120, kit.Sink.Value(CatalogReadings.SessionDuration));
    }

    [Fact]
    public async Task CheckTimeout_GripActivityKeepsSessionAlive_UntilIdle()
    {
        using var kit = new SensorTestKit(new EdgeAnalyticsOptions { IdleTimeout = TimeSpan.FromSeconds(60) });
        kit.Sessions.Start();
        kit.Time.Advance(TimeSpan.FromSeconds(50));
        kit.Sessions.RecordGripForce("grip", 150);
        kit.Time.Advance(TimeSpan.FromSeconds(50));
        await kit.Sessions.CheckTimeoutAsync(CancellationToken.None);
        Assert.True(kit.Sessions.IsActive);

        kit.Time.Advance(TimeSpan.FromSeconds(10));
        await kit.Sessions.CheckTimeoutAsync(CancellationToken.None);

        Assert.False(kit.Sessions.IsActive);
        Assert.Equal(SessionEndReason.Idle, kit.Sessions.LastEndReason);
    }

    [Fact]
    public async Task ToggleAsync_TwiceThenStopAgain_OneSessionNoExtraReadings()
    {
        using var kit = new SensorTestKit();
        await kit.Sessions.ToggleAsync(CancellationToken.None);
        kit.Time.Advance(TimeSpan.FromSeconds(5));
        await kit.Sessions.ToggleAsync(CancellationToken.None);
        var again = await kit.Sessions.StopAsync(CancellationToken.None);

        Assert.Empty(again);
        Assert.Single(kit.Sink.Readings);
    }

    [Fact]
    public async Task WallClockStepsDuringSession_NtpSync_DurationAndTimeoutsFollowMonotonicTime()
    {
        var fake = new FakeTimeProvider(SensorTestKit.Start);
        var clock = new SteppedClock(fake);
        var sink = new RecordingSink();
        using var tracker = new ExerciseSessionTracker(Options.Create(new EdgeAnalyticsOptions()), sink, clock, NoSessionFeedback.Instance, NullLogger<ExerciseSessionTracker>.Instance);

        tracker.Start();
        fake.Advance(TimeSpan.FromSeconds(30));
        clock.WallClockStep = TimeSpan.FromHours(3);
        await tracker.CheckTimeoutAsync(CancellationToken.None);
        Assert.True(tracker.IsActive);

        fake.Advance(TimeSpan.FromSeconds(10));
        await tracker.StopAsync(CancellationToken.None);

        var duration = sink.Only(CatalogReadings.SessionDuration);
        Assert.Equal(40, duration.Values["value"]);
        Assert.Equal(SensorTestKit.Start.ToUnixTimeMilliseconds(), duration.DeviceTimeMs);
        Assert.Equal(SensorTestKit.Start.AddHours(3).AddSeconds(40).ToUnixTimeMilliseconds(), duration.ReceivedAtMs);
    }
}
