using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Telehealth.Gateway.Core.Readings;
using Telehealth.Gateway.Devices.Sensors.Polling;
using Telehealth.UnitTests.Devices.Sensors.Support;

namespace Telehealth.UnitTests.Devices.Sensors.Polling;

public sealed class PolledSensorTests
{
    [Fact]
    public async Task ExecuteAsync_DeviceFailsThenRecovers_HostKeepsRunningAndStopsCleanly()
    {
        var time = new FakeTimeProvider(SensorTestKit.Start);
        var logger = new ListLogger<FlakySensor>();
        using var sensor = new FlakySensor(failures: 3, new RecordingSink(), time, logger);

        await sensor.StartAsync(CancellationToken.None);
        for (var i = 0; i < 10_000 && sensor.Health.Samples < 5; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Yield();
            await Task.Delay(1);
        }

        await sensor.StopAsync(CancellationToken.None);

        Assert.True(sensor.Health.Samples >= 5);
        Assert.Equal(3, sensor.Health.BusErrors);
        Assert.Equal(4, sensor.Health.Opens);
        Assert.False(sensor.ExecuteTask!.IsFaulted);
        Assert.False(sensor.IsOpen);
        Assert.Equal(3, logger.Entries.Count(e => e.Level == LogLevel.Warning));
    }

    [Fact]
    public async Task PollOnce_UnexpectedException_LoggedAsErrorAndBackedOff()
    {
        var time = new FakeTimeProvider(SensorTestKit.Start);
        var logger = new ListLogger<FlakySensor>();
        using var sensor = new FlakySensor(failures: 1, new RecordingSink(), time, logger) { Failure = () => new ArgumentException("bug") };

        var delay = await sensor.PollOnceAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(1), delay);
        Assert.Equal(1, sensor.Health.BusErrors);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Error is ArgumentException);
    }

    [Fact]
    public async Task PollOnce_Backoff_CappedAtRetryMaxDelay()
    {
        var time = new FakeTimeProvider(SensorTestKit.Start);
        using var sensor = new FlakySensor(failures: 100, new RecordingSink(), time, new ListLogger<FlakySensor>());

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 10; i++)
        {
            delays.Add(await sensor.PollOnceAsync(CancellationToken.None));
        }

        Assert.Equal(TimeSpan.FromSeconds(1), delays[0]);
        Assert.Equal(TimeSpan.FromSeconds(32), delays[5]);
        Assert.Equal(TimeSpan.FromSeconds(60), delays[9]);
    }

    public sealed class FlakySensor(int failures, IReadingSink sink, TimeProvider time, ILogger logger)
        : PolledSensor(new FlakyOptions { DeviceId = "flaky", SamplePeriod = TimeSpan.FromMilliseconds(100) }, sink, time, logger)
    {
        private int _remainingFailures = failures;

        public Func<Exception> Failure { get; init; } = () => new IOException("Error 121 performing I2C data transfer");

        protected override string Open() => "flaky test device";

        protected override ValueTask<bool> SampleAsync(CancellationToken cancellationToken)
        {
            if (_remainingFailures > 0)
            {
                _remainingFailures--;
                throw Failure();
            }

            return ValueTask.FromResult(true);
        }

        protected override void Close()
        {
        }
    }

    public sealed class FlakyOptions : PolledSensorOptions
    {
    }
}
