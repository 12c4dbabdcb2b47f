namespace Telehealth.Metadata.Audit;

/// <summary>
/// One line of the audit log: who (<see cref="ActorKind"/> gateway, therapist, operator or system, and the actor's
/// id), did what (<see cref="Action"/>, e.g. <c>alerts.read</c>, <c>batches.write</c>), about which patient, with
/// which outcome (<c>allowed</c>/<c>denied</c>), why (the purpose the caller gave, or the reason it was denied).
/// Never holds readings or anything identifying beyond pseudonymous ids.
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string ActorKind,
    string? ActorId,
    string Action,
    string? PatientId,
    string Outcome,
    string? Reason = null,
    string? Detail = null);
