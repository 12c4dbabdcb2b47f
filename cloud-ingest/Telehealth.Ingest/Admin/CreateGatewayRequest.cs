namespace Telehealth.Ingest.Admin;

/// <summary>Create a gateway with this pseudonymous id, bound to this pseudonymous patient (created if missing).</summary>
public sealed record CreateGatewayRequest(string? Id, string? PatientId);
