namespace Telehealth.Ingest.Contracts.Metrics;

/// <summary>One numeric component of a metric (e.g. systolic) with its physiologically plausible range.</summary>
/// <param name="Name">Field name as it appears in payloads and in InfluxDB.</param>
/// <param name="Min">Smallest plausible value (inclusive).</param>
/// <param name="Max">Largest plausible value (inclusive).</param>
/// <param name="Required">Whether every reading of the metric must carry this component.</param>
public sealed record ComponentDefinition(string Name, double Min, double Max, bool Required = true);
