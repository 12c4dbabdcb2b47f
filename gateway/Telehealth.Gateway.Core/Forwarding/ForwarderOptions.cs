using System.ComponentModel.DataAnnotations;

namespace Telehealth.Gateway.Core.Forwarding;

/// <summary>Sending buffered readings to cloud-ingest. Section <c>Forwarder</c>.</summary>
public sealed class ForwarderOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Forwarder";

    /// <summary>Whether buffered readings are sent at all. Default true; false only for benchmarks and bench tests of the buffer.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Base URL of cloud-ingest (https in production).</summary>
    [Required]
    public string IngestUrl { get; set; } = "";

    /// <summary>
    /// PEM file with the CA certificate(s) the ingest's TLS certificate must chain to — a municipality's own PKI. When set,
    /// only that CA is trusted (not the system store) and <see cref="IngestUrl"/> must be https. Default null: the
    /// operating system's trust store.
    /// </summary>
    public string? CaCertificateFile { get; set; }

    /// <summary>This gateway's secret (sent as a bearer token). Prefer <see cref="SecretFile"/>.</summary>
    public string? Secret { get; set; }

    /// <summary>File holding the secret (mode 0600), read at start; written by enrolment.</summary>
    public string? SecretFile { get; set; }

    /// <summary>
    /// One-time enrolment code from the operator. When <see cref="SecretFile"/> does not exist at start, the gateway
    /// exchanges this code for its secret (retrying with backoff) and writes the file before it forwards anything.
    /// </summary>
    public string? EnrolmentCode { get; set; }

    /// <summary>Most readings in one batch. Default 2000 (larger batches drain a little faster but raise the peak memory).</summary>
    [Range(1, 50_000)]
    public int MaxBatchReadings { get; set; } = 2000;

    /// <summary>Most uncompressed JSON bytes in one batch (estimated). Default 2 MiB.</summary>
    [Range(16 * 1024, 64 * 1024 * 1024)]
    public int MaxBatchBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// Readings received within this many seconds count as live: while a lane has a backlog, its live tail is sent before
    /// the next backlog batch. Default 30.
    /// </summary>
    [Range(1, 3600)]
    public int LiveWindowSeconds { get; set; } = 30;

    /// <summary>Most live readings taken from a lane's tail per round. Default 2000.</summary>
    [Range(1, 50_000)]
    public int MaxLiveReadings { get; set; } = 2000;

    /// <summary>Seconds between heartbeats to the ingest. Default 60.</summary>
    [Range(1, 3600)]
    public int HeartbeatSeconds { get; set; } = 60;

    /// <summary>How long to wait for new data before looking again, in milliseconds. Default 200.</summary>
    [Range(10, 60_000)]
    public int IdlePollMilliseconds { get; set; } = 200;

    /// <summary>Pause after a batch failed all its retries, before the next try, in seconds. Default 2.</summary>
    [Range(0.05, 600)]
    public double RetryPauseSeconds { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(IngestUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult($"Forwarder:IngestUrl '{IngestUrl}' is not an absolute http(s) URL", [nameof(IngestUrl)]);
        }

        foreach (var problem in ValidateCaCertificate(uri))
        {
            yield return problem;
        }

        if (string.IsNullOrEmpty(Secret) == string.IsNullOrEmpty(SecretFile))
        {
            yield return new ValidationResult("give exactly one of Forwarder:Secret or Forwarder:SecretFile", [nameof(Secret)]);
        }
        else if (!string.IsNullOrEmpty(SecretFile) && !File.Exists(SecretFile) && string.IsNullOrEmpty(EnrolmentCode))
        {
            yield return new ValidationResult($"Forwarder:SecretFile '{SecretFile}' does not exist (give Forwarder:EnrolmentCode to enrol)", [nameof(SecretFile)]);
        }

        if (!string.IsNullOrEmpty(EnrolmentCode) && string.IsNullOrEmpty(SecretFile))
        {
            yield return new ValidationResult("Forwarder:EnrolmentCode needs Forwarder:SecretFile (where the enrolled secret is kept)", [nameof(EnrolmentCode)]);
        }
    }

    private IEnumerable<ValidationResult> ValidateCaCertificate(Uri? ingest)
    {
        if (string.IsNullOrEmpty(CaCertificateFile))
        {
            yield break;
        }

        if (ingest is not null && ingest.Scheme != Uri.UriSchemeHttps)
        {
            yield return new ValidationResult($"Forwarder:CaCertificateFile is set but Forwarder:IngestUrl '{IngestUrl}' is not https", [nameof(CaCertificateFile)]);
        }

        string? error = null;
        try
        {
            IngestTls.LoadAuthorities(CaCertificateFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            error = ex.Message;
        }

        if (error is not null)
        {
            yield return new ValidationResult($"Forwarder:CaCertificateFile '{CaCertificateFile}' is not a readable PEM certificate: {error}", [nameof(CaCertificateFile)]);
        }
    }

    /// <summary>The secret, from <see cref="Secret"/> or <see cref="SecretFile"/>.</summary>
    public string ResolveSecret() => !string.IsNullOrEmpty(Secret) ? Secret : File.ReadAllText(SecretFile!).Trim();
}
