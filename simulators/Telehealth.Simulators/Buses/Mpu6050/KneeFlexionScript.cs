namespace Telehealth.Simulators.Buses.Mpu6050;

/// <summary>
/// Repeated knee flexions: each repetition goes from <c>fromDeg</c> to <c>toDeg</c> and back along a raised-cosine
/// profile (smooth start and stop, as a real movement), one repetition every 60 / <c>cadencePerMin</c> seconds, with
/// no pause between repetitions. The peak of repetition k (0-based) is at (k + 0.5) × period.
/// </summary>
public sealed class KneeFlexionScript : IMotionScript
{
    private readonly double _fromDeg;
    private readonly double _toDeg;
    private readonly double _periodSeconds;

    public KneeFlexionScript(int repetitions, double fromDeg, double toDeg, double cadencePerMin, double noiseDeg, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(repetitions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cadencePerMin);
        ArgumentOutOfRangeException.ThrowIfNegative(noiseDeg);
        Repetitions = repetitions;
        _fromDeg = fromDeg;
        _toDeg = toDeg;
        CadencePerMin = cadencePerMin;
        _periodSeconds = 60.0 / cadencePerMin;
        NoiseDeg = noiseDeg;
        Seed = seed;
    }

    /// <summary>Number of repetitions in the script.</summary>
    public int Repetitions { get; }

    /// <summary>Repetitions per minute.</summary>
    public double CadencePerMin { get; }

    /// <summary>Time of one repetition.</summary>
    public TimeSpan Period => TimeSpan.FromSeconds(_periodSeconds);

    /// <summary>The true range of motion, degrees.</summary>
    public double RangeOfMotionDeg => Math.Abs(_toDeg - _fromDeg);

    /// <inheritdoc />
    public TimeSpan Duration => TimeSpan.FromSeconds(_periodSeconds * Repetitions);

    /// <inheritdoc />
    public double NoiseDeg { get; }

    /// <inheritdoc />
    public int Seed { get; }

    /// <inheritdoc />
    public double AngleDeg(TimeSpan elapsed)
    {
        var t = elapsed.TotalSeconds;
        if (t <= 0 || t >= Duration.TotalSeconds)
        {
            return _fromDeg;
        }

        var phase = 2 * Math.PI * t / _periodSeconds;
        return _fromDeg + ((_toDeg - _fromDeg) * (1 - Math.Cos(phase)) / 2);
    }

    /// <inheritdoc />
    public double AngularRateDegPerSecond(TimeSpan elapsed)
    {
        var t = elapsed.TotalSeconds;
        if (t <= 0 || t >= Duration.TotalSeconds)
        {
            return 0;
        }

        var omega = 2 * Math.PI / _periodSeconds;
        return (_toDeg - _fromDeg) * omega * Math.Sin(omega * t) / 2;
    }
}
