namespace Telehealth.Simulators.Chaos;

/// <summary>What identifies a sample, and its InfluxDB point: measurement (metric), device tag, device time in ms.</summary>
public readonly record struct SampleKey(string Metric, string Device, long TimeMs);
