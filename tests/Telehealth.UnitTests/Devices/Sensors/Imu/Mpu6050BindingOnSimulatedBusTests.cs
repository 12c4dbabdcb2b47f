using Iot.Device.Imu;
using Microsoft.Extensions.Time.Testing;
using Telehealth.Simulators.Buses.Mpu6050;

namespace Telehealth.UnitTests.Devices.Sensors.Imu;

/// <summary>The real binding against the simulated register map; the binding (200 ms constructor) is built once.</summary>
public sealed class Mpu6050BindingOnSimulatedBusTests : IClassFixture<Mpu6050BindingOnSimulatedBusTests.Fixture>
{
    private readonly Fixture _fixture;

    public Mpu6050BindingOnSimulatedBusTests(Fixture fixture)
    {
        _fixture = fixture;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(30.0)]
    [InlineData(90.0)]
    public void GetAccelerometer_LimbAtRest_GravityFollowsAngle(double angleDeg)
    {
        _fixture.Device.RestAngleDeg = angleDeg;
        var a = _fixture.Imu.GetAccelerometer();
        var rad = angleDeg * Math.PI / 180;
        Assert.Equal(9.807 * Math.Cos(rad), a.X, 1);
        Assert.Equal(9.807 * Math.Sin(rad), a.Z, 1);
    }

    [Fact]
    public void Constructor_DefaultConfiguration_WakesChipAndSetsTwoGRange()
    {
        Assert.False(_fixture.Device.Sleeping);
        Assert.Equal(AccelerometerRange.Range02G, _fixture.Imu.AccelerometerRange);
        Assert.Equal(0, _fixture.Device.Peek(Mpu6050Registers.AccelConfig) >> 3);
    }

    [Fact]
    public void GetGyroscopeReading_DuringFlexion_YAxisIsAngularRate()
    {
        var time = _fixture.Time;
        var script = new KneeFlexionScript(1, 0, 90, 15, 0, 1);
        _fixture.Device.BeginMotion(script);
        time.Advance(TimeSpan.FromSeconds(1)); // quarter period: fastest point
        var g = _fixture.Imu.GetGyroscopeReading();
        _fixture.Device.EndMotion();
        Assert.Equal(script.AngularRateDegPerSecond(TimeSpan.FromSeconds(1)), g.Y, 0);
        Assert.Equal(0, g.X, 1);
    }

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            Device = new SimulatedMpu6050(Time);
            Imu = new Mpu6050(Device);
        }

        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

        public SimulatedMpu6050 Device { get; }

        public Mpu6050 Imu { get; }

        public void Dispose() => Imu.Dispose();
    }
}
