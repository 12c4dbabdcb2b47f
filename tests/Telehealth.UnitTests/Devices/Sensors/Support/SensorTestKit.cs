using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telehealth.Gateway.Devices.Analytics;

namespace Telehealth.UnitTests.Devices.Sensors.Support;

/// <summary>A fake clock, a recording buffer and a session tracker wired together.</summary>
public sealed class SensorTestKit : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public SensorTestKit(EdgeAnalyticsOptions? analytics = null, Func<FakeTimeProvider, ISessionFeedback>? feedback = null)
    {
        Sessions = new ExerciseSessionTracker(
            Options.Create(analytics ?? new EdgeAnalyticsOptions()),
            Sink,
            Time,
            feedback?.Invoke(Time) ?? NoSessionFeedback.Instance,
            NullLogger<ExerciseSessionTracker>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public RecordingSink Sink { get; } = new();

    public ExerciseSessionTracker Sessions { get; }

    public void Dispose() => Sessions.Dispose();
}
