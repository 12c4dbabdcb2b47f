namespace Telehealth.Ingest.Gateways;

/// <summary>
/// A gateway seeded from configuration (development, tests, scripts): its id, the patient it is bound to, the SHA-256
/// (hex) of its secret and the devices enrolled on it. Upserted into the metadata store at start.
/// </summary>
public sealed class GatewayCredential
{
    public string Id { get; set; } = "";

    public string PatientId { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the gateway's secret; the secret itself is never stored here.</summary>
    public string SecretSha256 { get; set; } = "";

    /// <summary>Device ids enrolled on this gateway (readings from other devices are refused).</summary>
    public List<string> Devices { get; set; } = [];
}
