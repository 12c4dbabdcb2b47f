namespace Telehealth.Ingest.Gateways;

/// <summary>
/// A refused call, as audited and answered: who tried (<see cref="ActorKind"/>, <see cref="ActorId"/> as presented,
/// never a secret), what (<see cref="Action"/>), about which patient, the HTTP status, a short machine reason for the
/// audit log (<c>unknown-or-wrong-secret</c>, <c>secret-expired</c>, <c>revoked</c>, …) and the detail for the caller.
/// </summary>
public sealed record SecurityRefusal(
    string ActorKind,
    string? ActorId,
    string Action,
    string? PatientId,
    int Status,
    string Reason,
    string Detail,
    IDictionary<string, object?>? Extensions = null);
