namespace Telehealth.Metadata.Fleet;

/// <summary>
/// One gateway in the fleet view: its pseudonymous ids, lifecycle, <see cref="State"/> (<see cref="GatewayState"/>),
/// <see cref="Warnings"/> (<see cref="GatewayWarning"/>), how long since its last heartbeat, and that heartbeat.
/// </summary>
public sealed record GatewayHealth(
    string Id,
    string PatientId,
    string State,
    IReadOnlyList<string> Warnings,
    long CreatedAtMs,
    long? EnrolledAtMs,
    long? RevokedAtMs,
    long? LastHeartbeatAgeSeconds,
    ReceivedHeartbeat? Latest);
