namespace Telehealth.Simulators.Chaos;

/// <summary>
/// A point read back from InfluxDB: its measurement, <c>device</c> tag, time (ms) and component fields
/// (<c>received_ms</c> left out: it is the gateway's receive time, not part of the sample).
/// </summary>
public sealed record StoredPoint(SampleKey Key, IReadOnlyDictionary<string, double> Values);
