namespace Telehealth.Ingest.Health;

/// <summary>The answer of /healthz and /readyz.</summary>
public sealed record HealthReport(string Status, IReadOnlyList<HealthCheck> Checks);
