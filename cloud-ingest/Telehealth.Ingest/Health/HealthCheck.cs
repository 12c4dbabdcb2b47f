namespace Telehealth.Ingest.Health;

/// <summary>One dependency's state in a <see cref="HealthReport"/>.</summary>
public sealed record HealthCheck(string Name, string Status);
