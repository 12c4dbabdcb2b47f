namespace Telehealth.Ingest.Contracts.Enrolment;

/// <summary>A gateway exchanges the one-time enrolment code an operator gave its installer for its own secret.</summary>
public sealed record EnrolmentRequest(string GatewayId, string Code);
