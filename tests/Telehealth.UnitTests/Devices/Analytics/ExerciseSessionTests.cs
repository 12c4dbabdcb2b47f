using Telehealth.Gateway.Devices.Analytics;
using Telehealth.Ingest.Contracts.Metrics;

namespace Telehealth.UnitTests.Devices.Analytics;

public sealed class ExerciseSessionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Finish_AllSensors_OneReadingPerFeatureInCatalogueUnitsStampedWithSessionStart()
    {
        var session = new ExerciseSession(T0, new EdgeAnalyticsOptions { SessionDeviceId = "button" });
        session.AddJointAngle("imu", T0.AddSeconds(1), 0);
        session.AddJointAngle("imu", T0.AddSeconds(2), 80);
        session.AddJointAngle("imu", T0.AddSeconds(3), 0);
        session.AddGripForce("grip", T0.AddSeconds(4), 120);
        session.AddCentreOfPressure("board", (0, 0));
        session.AddCentreOfPressure("board", (3, 4));

        var readings = session.Finish(T0.AddSeconds(60), T0.AddSeconds(61));

        Assert.Equal(
            ["session_duration", "repetitions", "range_of_motion", "cadence", "grip_force", "sway"],
            readings.Select(r => r.Metric));
        Assert.All(readings, r =>
        {
            Assert.True(MetricCatalog.TryGet(r.Metric, out var definition));
            Assert.Equal(definition.Unit, r.Unit);
            Assert.Equal(T0.ToUnixTimeMilliseconds(), r.DeviceTimeMs);
            Assert.Equal(T0.AddSeconds(61).ToUnixTimeMilliseconds(), r.ReceivedAtMs);
        });
        Assert.Equal("button", readings[0].DeviceId);
        Assert.Equal(60, readings[0].Values["value"]);
        Assert.Equal(1, readings[1].Values["value"]);
        Assert.Equal(80, readings[2].Values["value"]);
        Assert.Equal(1, readings[3].Values["value"]); // one repetition in one minute
        Assert.Equal(120, readings[4].Values["value"]);
        Assert.Equal(5, readings[5].Values["value"]);
    }

    [Fact]
    public void Cadence_RestsBeforeAndAfter_MeasuredBetweenFirstAndLastPeak()
    {
        var session = new ExerciseSession(T0, new EdgeAnalyticsOptions());
        // 30 s rest, then 5 repetitions of 3 s (cadence 20/min), then 60 s rest.
        for (var i = 0; i <= 50 * 15; i++)
        {
            var t = i / 50.0;
            session.AddJointAngle("imu", T0.AddSeconds(30 + t), 60 * (1 - Math.Cos(2 * Math.PI * t / 3)) / 2);
        }

        var readings = session.Finish(T0.AddSeconds(30 + 15 + 60), T0.AddSeconds(106));

        Assert.Equal(5, readings.Single(r => r.Metric == "repetitions").Values["value"]);
        Assert.Equal(20, readings.Single(r => r.Metric == "cadence").Values["value"], 1);
    }

    [Fact]
    public void Finish_NoSamples_OnlySessionDuration()
    {
        var session = new ExerciseSession(T0, new EdgeAnalyticsOptions());
        var readings = session.Finish(T0.AddSeconds(10), T0.AddSeconds(10));
        var only = Assert.Single(readings);
        Assert.Equal("session_duration", only.Metric);
    }

    [Fact]
    public void Sway_SteppingOffAndOn_GapNotCountedAsPath()
    {
        var session = new ExerciseSession(T0, new EdgeAnalyticsOptions());
        session.AddCentreOfPressure("board", (0, 0));
        session.AddCentreOfPressure("board", (0, 10));
        session.AddCentreOfPressure("board", null);
        session.AddCentreOfPressure("board", (100, 100));
        session.AddCentreOfPressure("board", (100, 110));

        Assert.Equal(20, session.Sways["board"].PathMm, 6);
    }
}
