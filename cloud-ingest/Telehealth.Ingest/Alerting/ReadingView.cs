namespace Telehealth.Ingest.Alerting;

/// <summary>One stored reading: metric, device time, device, component values, and when the gateway received it.</summary>
public sealed record ReadingView(string Metric, DateTimeOffset Time, string? Device, IReadOnlyDictionary<string, double> Values, DateTimeOffset? ReceivedAt);
