namespace Telehealth.Gateway.Devices.Analytics;

/// <summary>
/// Per-session sway of one balance board: the length of the centre-of-pressure path, the sum of the distances
/// between consecutive centre-of-pressure samples (mm). A gap (someone stepped off) starts a new path segment.
/// </summary>
public sealed class SwayPath
{
    private (double X, double Y)? _last;

    /// <summary>Samples seen.</summary>
    public long Samples { get; private set; }

    /// <summary>Path length so far, mm.</summary>
    public double PathMm { get; private set; }

    /// <summary>Adds a centre-of-pressure sample (mm on the board).</summary>
    public void Add(double xMm, double yMm)
    {
        if (!double.IsFinite(xMm) || !double.IsFinite(yMm))
        {
            return;
        }

        Samples++;
        if (_last is { } last)
        {
            PathMm += Math.Sqrt(((xMm - last.X) * (xMm - last.X)) + ((yMm - last.Y) * (yMm - last.Y)));
        }

        _last = (xMm, yMm);
    }

    /// <summary>Nobody on the board: the next sample starts a new segment.</summary>
    public void Break() => _last = null;
}
