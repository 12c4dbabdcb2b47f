namespace Telehealth.Metadata.Gateways;

/// <summary>A device allowed to send through a gateway.</summary>
public sealed record EnrolledDevice(string DeviceId, string? Kind, DateTimeOffset EnrolledAt);
