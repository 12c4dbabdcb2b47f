namespace Telehealth.Metadata.Alerts;

/// <summary>
/// One entry of an alert's append-only history: a free note, or the note given with an acknowledgement or resolution
/// (<see cref="Kind"/> <c>note</c>, <c>acknowledged</c>, <c>resolved</c>), who wrote it and when.
/// </summary>
public sealed record AlertNote(long Id, string AlertId, DateTimeOffset At, string AuthorKind, string? AuthorId, string Kind, string Text);
