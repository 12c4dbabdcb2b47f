namespace Telehealth.Gateway.Devices.Analytics;

/// <summary>Per-session features of one joint-angle sensor: repetitions, range of motion, cadence.</summary>
public sealed class JointMotionFeatures
{
    private readonly RepetitionCounter _repetitions;

    public JointMotionFeatures(double hysteresisDeg)
    {
        _repetitions = new RepetitionCounter(hysteresisDeg);
    }

    /// <summary>Samples seen.</summary>
    public long Samples { get; private set; }

    /// <summary>Smallest angle seen, degrees.</summary>
    public double MinDeg { get; private set; } = double.PositiveInfinity;

    /// <summary>Largest angle seen, degrees.</summary>
    public double MaxDeg { get; private set; } = double.NegativeInfinity;

    /// <summary>Largest minus smallest angle, degrees (0 without samples).</summary>
    public double RangeOfMotionDeg => Samples == 0 ? 0 : MaxDeg - MinDeg;

    /// <summary>Repetitions counted.</summary>
    public int Repetitions => _repetitions.Count;

    /// <summary>Adds a sample; returns true when it completed a repetition.</summary>
    public bool Add(DateTimeOffset at, double angleDeg)
    {
        if (!double.IsFinite(angleDeg))
        {
            return false;
        }

        Samples++;
        MinDeg = Math.Min(MinDeg, angleDeg);
        MaxDeg = Math.Max(MaxDeg, angleDeg);
        return _repetitions.Add(at, angleDeg);
    }

    /// <summary>
    /// Repetitions per minute. With two or more repetitions: (repetitions − 1) over the time from the first to the
    /// last peak, so rests before the first and after the last repetition do not dilute it. With one repetition:
    /// over the whole session. None: 0.
    /// </summary>
    public double CadencePerMin(TimeSpan sessionDuration)
    {
        if (Repetitions >= 2 && _repetitions.FirstPeakAt is { } first && _repetitions.LastPeakAt is { } last && last > first)
        {
            return (Repetitions - 1) * 60.0 / (last - first).TotalSeconds;
        }

        return Repetitions == 1 && sessionDuration > TimeSpan.Zero ? 60.0 / sessionDuration.TotalSeconds : 0;
    }
}
