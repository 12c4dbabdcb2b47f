using Telehealth.Gateway.Devices.Analytics;
using Telehealth.Gateway.Devices.Sensors.Imu;
using Telehealth.Simulators.Buses.Mpu6050;
using Telehealth.UnitTests.Devices.Sensors.Support;
using Xunit.Abstractions;

namespace Telehealth.UnitTests.Devices.Sensors.Imu;

/// <summary>
/// The adapter running the real Iot.Device.Bindings Mpu6050 on a simulated MPU-6050. Each test that opens the sensor
/// pays the binding's ~200 ms constructor once (twice when the device is re-initialised).
/// </summary>
public sealed class ImuJointAngleSensorTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);
    private readonly ITestOutputHelper _output;

    public ImuJointAngleSensorTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData(12, 0.0, 90.0, 15.0, 2.0, 42)]
    [InlineData(12, 0.0, 90.0, 15.0, 2.0, 7)]
    [InlineData(10, 10.0, 70.0, 20.0, 2.0, 3)]
    public async Task KneeFlexions_WithNoise_FeaturesMatchGroundTruth(int repetitions, double fromDeg, double toDeg, double cadence, double noiseDeg, int seed)
    {
        using var kit = new SensorTestKit();
        var imu = new SimulatedMpu6050(kit.Time) { RestAngleDeg = fromDeg };
        using var sensor = NewSensor(kit, imu, new ListLogger<ImuJointAngleSensor>());
        await sensor.PollOnceAsync(CancellationToken.None);

        kit.Sessions.Start();
        var script = new KneeFlexionScript(repetitions, fromDeg, toDeg, cadence, noiseDeg, seed);
        imu.BeginMotion(script);
        var samples = (int)(script.Duration / Period);
        for (var i = 0; i < samples; i++)
        {
            kit.Time.Advance(Period);
            await sensor.PollOnceAsync(CancellationToken.None);
        }

        var features = await kit.Sessions.StopAsync(CancellationToken.None);
        foreach (var feature in features)
        {
            _output.WriteLine($"{feature.DeviceId} {feature.Metric} = {feature.Values["value"]} {feature.Unit}");
        }

        Assert.Equal(0, sensor.Health.BusErrors);
        Assert.Equal(repetitions, kit.Sink.Value(CatalogReadings.Repetitions));
        Assert.InRange(kit.Sink.Value(CatalogReadings.RangeOfMotion), script.RangeOfMotionDeg - 5, script.RangeOfMotionDeg + 5);
        Assert.InRange(kit.Sink.Value(CatalogReadings.SessionDuration), script.Duration.TotalSeconds - 1, script.Duration.TotalSeconds + 1);
        Assert.InRange(kit.Sink.Value(CatalogReadings.Cadence), cadence * 0.9, cadence * 1.1);
        Assert.Equal(4, features.Count);
        Assert.DoesNotContain(kit.Sink.Readings, r => r.Metric == CatalogReadings.JointAngle);
    }

    [Fact]
    public async Task ForwardRawJointAngles_Enabled_RawAnglesAppendedInBatchesDuringSession()
    {
        using var kit = new SensorTestKit(new EdgeAnalyticsOptions { ForwardRawJointAngles = true, RawBatchSize = 25 });
        var imu = new SimulatedMpu6050(kit.Time) { RestAngleDeg = 30 };
        using var sensor = NewSensor(kit, imu, new ListLogger<ImuJointAngleSensor>());
        await sensor.PollOnceAsync(CancellationToken.None);
        for (var i = 0; i < 10; i++)
        {
            kit.Time.Advance(Period);
            await sensor.PollOnceAsync(CancellationToken.None);
        }

        Assert.Empty(kit.Sink.Readings);

        kit.Sessions.Start();
        for (var i = 0; i < 50; i++)
        {
            kit.Time.Advance(Period);
            await sensor.PollOnceAsync(CancellationToken.None);
        }

        var raw = kit.Sink.Readings.Where(r => r.Metric == CatalogReadings.JointAngle).ToList();
        Assert.Equal(50, raw.Count);
        Assert.Equal(2, kit.Sink.Appends);
        Assert.All(raw, r => Assert.Equal("deg", r.Unit));
        Assert.All(raw, r => Assert.InRange(r.Values["value"], 29, 31));
    }

    [Fact]
    public async Task DeviceVanishesMidSession_IOException_CountedLoggedAndResumesWhenBack()
    {
        using var kit = new SensorTestKit();
        var imu = new SimulatedMpu6050(kit.Time);
        var logger = new ListLogger<ImuJointAngleSensor>();
        using var sensor = NewSensor(kit, imu, logger);
        await sensor.PollOnceAsync(CancellationToken.None);
        kit.Sessions.Start();
        imu.BeginMotion(new KneeFlexionScript(6, 0, 90, 15, 1, seed: 5));

        for (var i = 0; i < 100; i++)
        {
            kit.Time.Advance(Period);
            await sensor.PollOnceAsync(CancellationToken.None);
        }

        imu.Unplug();
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var delay = await sensor.PollOnceAsync(CancellationToken.None);
            delays.Add(delay);
            kit.Time.Advance(delay);
        }

        Assert.Equal(3, sensor.Health.BusErrors);
        Assert.False(sensor.IsOpen);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], delays);
        Assert.Contains(logger.Entries, e => e.EventId.Id == 4101 && e.Error is IOException);

        imu.Replug();
        var afterReturn = await sensor.PollOnceAsync(CancellationToken.None);
        for (var i = 0; i < 50; i++)
        {
            kit.Time.Advance(Period);
            await sensor.PollOnceAsync(CancellationToken.None);
        }

        Assert.Equal(Period, afterReturn);
        Assert.True(sensor.IsOpen);
        Assert.Equal(2, sensor.Health.Opens);
        Assert.Equal(0, sensor.Health.ConsecutiveErrors);
        Assert.Equal(3, sensor.Health.BusErrors);
        Assert.Contains(logger.Entries, e => e.EventId.Id == 4104);
        Assert.True(kit.Sessions.IsActive);
        await kit.Sessions.StopAsync(CancellationToken.None);
        Assert.True(kit.Sink.Value(CatalogReadings.Repetitions) >= 1);
    }

    [Fact]
    public async Task ChipResetsSilently_ZeroAccelerometer_ReinitialisedOnNextPoll()
    {
        using var kit = new SensorTestKit();
        var imu = new SimulatedMpu6050(kit.Time) { RestAngleDeg = 45 };
        using var sensor = NewSensor(kit, imu, new ListLogger<ImuJointAngleSensor>());
        await sensor.PollOnceAsync(CancellationToken.None);

        imu.Replug(); // power blip: back in its reset state (asleep, data registers zero) without a failed transfer
        await sensor.PollOnceAsync(CancellationToken.None);
        Assert.Equal(1, sensor.Health.BusErrors);
        Assert.Contains("reset", sensor.Health.LastError, StringComparison.Ordinal);

        kit.Time.Advance(TimeSpan.FromSeconds(1));
        await sensor.PollOnceAsync(CancellationToken.None);

        Assert.Equal(2, sensor.Health.Opens);
        Assert.False(imu.Sleeping);
        Assert.InRange(sensor.LastAngleDeg!.Value, 44, 46);
    }

    [Fact]
    public async Task WrongWhoAmI_Mpu9250Answers_ClearIdentityErrorAndBackoff()
    {
        using var kit = new SensorTestKit();
        var wrong = new SimulatedMpu6050(kit.Time, identity: 0x71);
        var logger = new ListLogger<ImuJointAngleSensor>();
        using var sensor = NewSensor(kit, wrong, logger);

        var first = await sensor.PollOnceAsync(CancellationToken.None);
        var second = await sensor.PollOnceAsync(CancellationToken.None);

        Assert.False(sensor.IsOpen);
        Assert.Equal(2, sensor.Health.BusErrors);
        Assert.Equal(0, sensor.Health.Opens);
        Assert.Equal(TimeSpan.FromSeconds(1), first);
        Assert.Equal(TimeSpan.FromSeconds(2), second);
        Assert.Contains("WHO_AM_I 0x71, expected 0x68", sensor.Health.LastError, StringComparison.Ordinal);
        Assert.Contains("MPU-9250", sensor.Health.LastError, StringComparison.Ordinal);
        Assert.Contains(logger.Entries, e => e.Error is Telehealth.Gateway.Devices.Sensors.Polling.SensorIdentityException);
        Assert.True(wrong.DisposeCount >= 2);
    }

    [Fact]
    public void Options_InvalidDeviceId_RefusesWithTheKey()
    {
        using var kit = new SensorTestKit();
        var imu = new SimulatedMpu6050(kit.Time);
        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(
            () => NewSensor(kit, imu, new ListLogger<ImuJointAngleSensor>(), new ImuSensorOptions { DeviceId = "knee imu!" }));
        Assert.Contains("Sensors:Imu:DeviceId", error.Message, StringComparison.Ordinal);
    }

    private static ImuJointAngleSensor NewSensor(SensorTestKit kit, SimulatedMpu6050 imu, ListLogger<ImuJointAngleSensor> logger, ImuSensorOptions? options = null)
        => new(options ?? new ImuSensorOptions { DeviceId = "knee-imu" }, _ => imu, kit.Sessions, kit.Sink, kit.Time, logger);
}
