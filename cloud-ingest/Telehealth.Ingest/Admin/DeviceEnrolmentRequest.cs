namespace Telehealth.Ingest.Admin;

/// <summary>Optional body of <c>PUT …/devices/{deviceId}</c>: the device's kind (e.g. <c>oximeter</c>).</summary>
public sealed record DeviceEnrolmentRequest(string? Kind);
