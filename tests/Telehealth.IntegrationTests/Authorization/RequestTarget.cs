namespace Telehealth.IntegrationTests.Authorization;

/// <summary>What a request is about: a gateway, its patient, a device enrolled on it and (for alert endpoints) an alert of that patient.</summary>
public sealed record RequestTarget(string GatewayId, string PatientId, string DeviceId, string? AlertId = null);
