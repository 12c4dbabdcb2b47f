namespace Telehealth.Ingest.Gateways;

/// <summary>A gateway allowed to send: its id, the patient it is bound to, and the SHA-256 (hex) of its secret.</summary>
public sealed class GatewayCredential
{
    public string Id { get; set; } = "";

    public string PatientId { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the gateway's secret; the secret itself is never stored here.</summary>
    public string SecretSha256 { get; set; } = "";
}
