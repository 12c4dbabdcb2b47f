namespace Telehealth.Metadata.Fleet;

/// <summary>A row of the <c>gateways</c> table as the fleet view needs it: ids and lifecycle times (Unix ms), no secrets.</summary>
public sealed record GatewayRecord(string Id, string PatientId, long CreatedAtMs, long? EnrolledAtMs, long? RevokedAtMs);
