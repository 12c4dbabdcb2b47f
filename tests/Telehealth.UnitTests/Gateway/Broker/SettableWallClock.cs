namespace Telehealth.UnitTests.Gateway.Broker;

/// <summary>
/// A wall clock that can jump backwards as well as forwards (FakeTimeProvider only moves forward), the way an NTP step
/// or an RTC-less Pi's first sync moves the system time. Its monotonic timestamp is the system's.
/// </summary>
internal sealed class SettableWallClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
