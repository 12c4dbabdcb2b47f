using Microsoft.Extensions.Time.Testing;

namespace Telehealth.UnitTests.Devices.Sensors.Support;

/// <summary>
/// A clock whose wall time can be stepped (an NTP sync on a gateway without RTC) while its monotonic timestamps run
/// on, as on a real machine. Both move with the inner <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class SteppedClock(FakeTimeProvider inner) : TimeProvider
{
    /// <summary>Added to the inner clock's wall time.</summary>
    public TimeSpan WallClockStep { get; set; }

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + WallClockStep;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        => inner.CreateTimer(callback, state, dueTime, period);
}
