namespace Telehealth.Ingest.Alerting;

/// <summary>Body of <c>POST /api/v1/alerts/{id}/notes</c>.</summary>
public sealed record NoteRequest(string? Text);
