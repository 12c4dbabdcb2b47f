namespace Telehealth.IntegrationTests.Ble;

/// <summary>A clock whose "now" stands still (so receive times are exact) while timers and delays run in real time.</summary>
internal sealed class FrozenClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
