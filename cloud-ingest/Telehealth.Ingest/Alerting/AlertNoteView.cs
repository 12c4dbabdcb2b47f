namespace Telehealth.Ingest.Alerting;

/// <summary>An entry of an alert's history: <c>note</c>, <c>acknowledged</c> or <c>resolved</c>, by whom, when.</summary>
public sealed record AlertNoteView(DateTimeOffset At, string Kind, string By, string Text);
