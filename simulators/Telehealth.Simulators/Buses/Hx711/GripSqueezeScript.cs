namespace Telehealth.Simulators.Buses.Hx711;

/// <summary>
/// One grip squeeze on a dynamometer: rest (0 N), a linear rise to <c>peakNewtons</c>, a hold, a linear release.
/// </summary>
public sealed class GripSqueezeScript : IForceScript
{
    private readonly double _rest;
    private readonly double _rise;
    private readonly double _hold;
    private readonly double _release;

    public GripSqueezeScript(double peakNewtons, TimeSpan rest, TimeSpan rise, TimeSpan hold, TimeSpan release)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(peakNewtons);
        PeakNewtons = peakNewtons;
        _rest = rest.TotalSeconds;
        _rise = rise.TotalSeconds;
        _hold = hold.TotalSeconds;
        _release = release.TotalSeconds;
    }

    /// <summary>The force held at the top of the squeeze.</summary>
    public double PeakNewtons { get; }

    /// <inheritdoc />
    public TimeSpan Duration => TimeSpan.FromSeconds(_rest + _rise + _hold + _release);

    /// <inheritdoc />
    public double NewtonsAt(TimeSpan elapsed)
    {
        var t = elapsed.TotalSeconds - _rest;
        if (t <= 0)
        {
            return 0;
        }

        if (t < _rise)
        {
            return PeakNewtons * t / _rise;
        }

        t -= _rise;
        if (t <= _hold)
        {
            return PeakNewtons;
        }

        t -= _hold;
        return t < _release ? PeakNewtons * (1 - (t / _release)) : 0;
    }
}
