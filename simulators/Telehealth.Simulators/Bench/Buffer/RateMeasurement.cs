namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>A rate measured over a window: <paramref name="Count"/> items in <paramref name="Seconds"/>; <paramref name="Cpu"/> says where the CPU went (<see cref="CpuWindow"/>).</summary>
public sealed record RateMeasurement(long Count, double Seconds, string? Cpu = null)
{
    public double PerSecond => Seconds > 0 ? Count / Seconds : 0;
}
