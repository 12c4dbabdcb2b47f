namespace Telehealth.Ingest.Alerting;

/// <summary>The answer of <c>GET /api/v1/patients/{id}/readings</c>: readings in time order, at most the limit (then <see cref="Truncated"/>).</summary>
public sealed record PatientReadings(string PatientId, string? Metric, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ReadingView> Readings, bool Truncated);
