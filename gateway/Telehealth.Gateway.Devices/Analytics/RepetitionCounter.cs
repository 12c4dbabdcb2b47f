namespace Telehealth.Gateway.Devices.Analytics;

/// <summary>
/// Counts repetitions in a joint-angle signal by peak detection with hysteresis: a peak is confirmed when the angle
/// has risen at least <c>hysteresisDeg</c> above the preceding valley and then fallen at least <c>hysteresisDeg</c>
/// below the peak; a new valley is confirmed when the angle rises <c>hysteresisDeg</c> above it again. Noise smaller
/// than the hysteresis can neither add nor split a repetition.
/// </summary>
public sealed class RepetitionCounter
{
    private readonly double _hysteresis;
    private bool _started;
    private bool _seekingPeak = true;
    private double _valley;
    private double _peak;
    private DateTimeOffset _peakAt;

    public RepetitionCounter(double hysteresisDeg)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hysteresisDeg);
        _hysteresis = hysteresisDeg;
    }

    /// <summary>Repetitions confirmed so far.</summary>
    public int Count { get; private set; }

    /// <summary>Time of the first confirmed peak.</summary>
    public DateTimeOffset? FirstPeakAt { get; private set; }

    /// <summary>Time of the last confirmed peak.</summary>
    public DateTimeOffset? LastPeakAt { get; private set; }

    /// <summary>Adds a sample; returns true when it confirmed a repetition.</summary>
    public bool Add(DateTimeOffset at, double angleDeg)
    {
        if (!_started)
        {
            _started = true;
            _valley = _peak = angleDeg;
            _peakAt = at;
            return false;
        }

        if (!_seekingPeak)
        {
            _valley = Math.Min(_valley, angleDeg);
            if (angleDeg >= _valley + _hysteresis)
            {
                _seekingPeak = true;
                _peak = angleDeg;
                _peakAt = at;
            }

            return false;
        }

        if (angleDeg > _peak)
        {
            _peak = angleDeg;
            _peakAt = at;
        }

        var risen = _peak - _valley >= _hysteresis;
        if (!risen && angleDeg < _valley)
        {
            // Still going down before the movement starts: the valley is lower than we thought.
            _valley = _peak = angleDeg;
            _peakAt = at;
            return false;
        }

        if (risen && angleDeg <= _peak - _hysteresis)
        {
            Count++;
            FirstPeakAt ??= _peakAt;
            LastPeakAt = _peakAt;
            _seekingPeak = false;
            _valley = angleDeg;
            return true;
        }

        return false;
    }
}
