namespace Telehealth.Gateway.Devices.Sensors.Imu;

/// <summary>
/// Fuses a tilt angle from the accelerometer (absolute, but noisy and disturbed by movement) with the gyroscope's
/// angular rate (smooth, but drifting when integrated): angle = w × (angle + rate × dt) + (1 − w) × accelerometer
/// angle. With w = 0.98 at 50 Hz the accelerometer corrects drift with a time constant of about one second.
/// </summary>
public sealed class ComplementaryFilter
{
    private readonly double _gyroWeight;
    private readonly TimeSpan _maxGap;
    private double? _angle;

    public ComplementaryFilter(double gyroWeight, TimeSpan maxGap)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gyroWeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(gyroWeight, 1.0);
        _gyroWeight = gyroWeight;
        _maxGap = maxGap;
    }

    /// <summary>The current estimate, degrees, or null before the first sample.</summary>
    public double? AngleDeg => _angle;

    /// <summary>Tilt (degrees) of the sensor's X axis towards its Z axis from accelerometer components, by atan2(z, x).</summary>
    public static double TiltDeg(double accelX, double accelZ) => Math.Atan2(accelZ, accelX) * 180.0 / Math.PI;

    /// <summary>Forgets the estimate: the next sample starts from the accelerometer.</summary>
    public void Reset() => _angle = null;

    /// <summary>Adds a sample taken <paramref name="sinceLast"/> after the previous one; returns the new estimate.</summary>
    public double Update(double accelAngleDeg, double rateDegPerSecond, TimeSpan sinceLast)
    {
        if (_angle is not { } previous || sinceLast <= TimeSpan.Zero || sinceLast > _maxGap)
        {
            _angle = accelAngleDeg;
            return accelAngleDeg;
        }

        var predicted = previous + (rateDegPerSecond * sinceLast.TotalSeconds);
        var correction = Wrap(accelAngleDeg - predicted);
        var estimate = Wrap(predicted + ((1 - _gyroWeight) * correction));
        _angle = estimate;
        return estimate;
    }

    private static double Wrap(double deg)
    {
        var wrapped = deg % 360.0;
        if (wrapped > 180.0)
        {
            wrapped -= 360.0;
        }
        else if (wrapped <= -180.0)
        {
            wrapped += 360.0;
        }

        return wrapped;
    }
}
