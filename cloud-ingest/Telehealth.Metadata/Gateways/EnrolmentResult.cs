namespace Telehealth.Metadata.Gateways;

/// <summary>The outcome of <see cref="GatewayStore.EnrolAsync"/>; <see cref="Secret"/> is set when enrolled.</summary>
public sealed record EnrolmentResult(EnrolmentStatus Status, string? PatientId = null, IssuedCredential? Secret = null);
