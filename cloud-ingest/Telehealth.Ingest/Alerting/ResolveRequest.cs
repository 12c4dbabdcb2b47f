namespace Telehealth.Ingest.Alerting;

/// <summary>Body of <c>POST /api/v1/alerts/{id}/resolve</c>: why (required, e.g. "treated", "false alarm") and an optional note.</summary>
public sealed record ResolveRequest(string? Reason, string? Note);
