namespace Telehealth.Ingest.Gateways;

/// <summary>A gateway whose secret checked out: its id, its bound patient and the devices enrolled on it.</summary>
public sealed record AuthenticatedGateway(string Id, string PatientId, IReadOnlySet<string> Devices);
