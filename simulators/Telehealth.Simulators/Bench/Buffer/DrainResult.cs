namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>What the drain phase measured.</summary>
/// <param name="StartupSeconds">Gateway start on the full buffer until its status page answered.</param>
/// <param name="Drain">Backlog readings that reached InfluxDB after the gateway was up, and how long that took.</param>
/// <param name="BufferEmptySeconds">From the gateway being up until <c>buffer.readings</c> was 0 (live load stopped).</param>
/// <param name="Live">Live readings acknowledged while the backlog drained, over the live load's run time.</param>
/// <param name="LiveLatenciesMs">Publish → queryable latency of every live reading, sorted.</param>
/// <param name="Memory">The draining gateway's peak RSS and its largest memory sample.</param>
/// <param name="Cpu">Where the CPU went while the backlog drained (<see cref="CpuWindow"/>).</param>
public sealed record DrainResult(
    double StartupSeconds,
    RateMeasurement Drain,
    double BufferEmptySeconds,
    RateMeasurement Live,
    double[] LiveLatenciesMs,
    ProcessMemory? Memory,
    string Cpu);
