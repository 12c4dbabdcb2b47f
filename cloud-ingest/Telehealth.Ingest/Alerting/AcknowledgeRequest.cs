namespace Telehealth.Ingest.Alerting;

/// <summary>Body of <c>POST /api/v1/alerts/{id}/acknowledge</c>.</summary>
public sealed record AcknowledgeRequest(string? Note);
