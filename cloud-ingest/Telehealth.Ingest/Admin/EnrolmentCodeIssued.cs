namespace Telehealth.Ingest.Admin;

/// <summary>A one-time enrolment code for a gateway, shown once; the installer enters it on the gateway.</summary>
public sealed record EnrolmentCodeIssued(string GatewayId, string PatientId, string EnrolmentCode, DateTimeOffset ExpiresAt);
