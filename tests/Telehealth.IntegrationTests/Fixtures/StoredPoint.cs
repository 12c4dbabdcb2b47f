namespace Telehealth.IntegrationTests.Fixtures;

/// <summary>A point read back from InfluxDB with InfluxQL.</summary>
public sealed record StoredPoint(string Metric, string Device, string Patient, long TimeMs, long? ReceivedMs, IReadOnlyDictionary<string, double> Values);
