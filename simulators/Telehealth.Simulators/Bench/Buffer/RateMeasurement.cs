namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>A rate measured over a window: <paramref name="Count"/> items in <paramref name="Seconds"/>.</summary>
public sealed record RateMeasurement(long Count, double Seconds)
{
    public double PerSecond => Seconds > 0 ? Count / Seconds : 0;
}
