namespace Telehealth.Metadata.Gateways;

/// <summary>
/// The outcome of <see cref="GatewayStore.AuthenticateAsync"/>. When <see cref="Status"/> is
/// <see cref="GatewayAuthStatus.Authenticated"/>, <see cref="PatientId"/> is the bound patient and
/// <see cref="Devices"/> the devices enrolled now; <see cref="SecretExpiresAt"/> is when the secret stops working.
/// </summary>
public sealed record GatewayAuthResult(
    GatewayAuthStatus Status,
    string GatewayId,
    string? PatientId = null,
    IReadOnlySet<string>? Devices = null,
    DateTimeOffset? SecretExpiresAt = null);
