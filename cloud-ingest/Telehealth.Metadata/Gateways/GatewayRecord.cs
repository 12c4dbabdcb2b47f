namespace Telehealth.Metadata.Gateways;

/// <summary>
/// What the store knows about a gateway, without any secret or hash: its bound patient, when it was created and
/// enrolled, until when its secret is valid, whether a rotated secret awaits first use, whether an enrolment code is
/// outstanding (and until when), whether it is revoked, and its enrolled devices.
/// </summary>
public sealed record GatewayRecord(
    string Id,
    string PatientId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EnrolledAt,
    DateTimeOffset? SecretExpiresAt,
    bool RotationPending,
    DateTimeOffset? EnrolmentCodeExpiresAt,
    DateTimeOffset? RevokedAt,
    IReadOnlyList<EnrolledDevice> Devices);
