namespace Telehealth.Gateway.Devices.Analytics;

/// <summary>Per-session features of one grip dynamometer: the peak force.</summary>
public sealed class GripFeatures
{
    /// <summary>Samples seen.</summary>
    public long Samples { get; private set; }

    /// <summary>Largest force seen, newtons (0 without samples; negative readings, from drift below zero, count as 0).</summary>
    public double PeakNewtons { get; private set; }

    /// <summary>Adds a sample.</summary>
    public void Add(double newtons)
    {
        if (!double.IsFinite(newtons))
        {
            return;
        }

        Samples++;
        PeakNewtons = Math.Max(PeakNewtons, newtons);
    }
}
