namespace Telehealth.IntegrationTests.Authorization;

/// <summary>What a request is about: a gateway, its patient and a device enrolled on it.</summary>
public sealed record RequestTarget(string GatewayId, string PatientId, string DeviceId);
