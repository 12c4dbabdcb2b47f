using Telehealth.Gateway.Devices.Sensors.Imu;

namespace Telehealth.UnitTests.Devices.Sensors.Imu;

public sealed class ComplementaryFilterTests
{
    private static readonly TimeSpan Dt = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void Update_FirstSample_StartsFromAccelerometer()
    {
        var filter = new ComplementaryFilter(0.98, TimeSpan.FromSeconds(0.5));
        Assert.Equal(40, filter.Update(40, 100, Dt));
    }

    [Fact]
    public void Update_GyroDriftWithStillAccelerometer_StaysNearAccelerometerAngle()
    {
        var filter = new ComplementaryFilter(0.98, TimeSpan.FromSeconds(0.5));
        var angle = 0.0;
        for (var i = 0; i < 1000; i++)
        {
            angle = filter.Update(20, 1.0, Dt); // 1 °/s gyro bias
        }

        // Steady state error = bias × dt × w / (1 − w) = 0.98 °.
        Assert.InRange(angle, 20.5, 21.5);
    }

    [Fact]
    public void Update_RotationMeasuredByBoth_FollowsWithoutLag()
    {
        var filter = new ComplementaryFilter(0.98, TimeSpan.FromSeconds(0.5));
        var truth = 0.0;
        filter.Update(truth, 0, Dt);
        for (var i = 0; i < 100; i++)
        {
            truth += 45 * Dt.TotalSeconds;
            filter.Update(truth, 45, Dt);
        }

        Assert.Equal(truth, filter.AngleDeg!.Value, 6);
    }

    [Fact]
    public void Update_GapLongerThanMax_RestartsFromAccelerometer()
    {
        var filter = new ComplementaryFilter(0.98, TimeSpan.FromSeconds(0.5));
        filter.Update(10, 0, Dt);
        Assert.Equal(80, filter.Update(80, 0, TimeSpan.FromSeconds(2)));
    }

    [Theory]
    [InlineData(1.0, 0.0, 0.0)]
    [InlineData(0.0, 1.0, 90.0)]
    [InlineData(0.7071, 0.7071, 45.0)]
    public void TiltDeg_GravityComponents_AngleOfXTowardsZ(double x, double z, double expected)
        => Assert.Equal(expected, ComplementaryFilter.TiltDeg(x, z), 2);
}
