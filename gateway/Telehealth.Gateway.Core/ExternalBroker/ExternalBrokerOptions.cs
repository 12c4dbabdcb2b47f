using System.ComponentModel.DataAnnotations;

namespace Telehealth.Gateway.Core.ExternalBroker;

/// <summary>
/// The external broker the gateway subscribes to when <c>Mqtt:Mode</c> is <c>External</c>. Section <c>Mqtt:External</c>.
/// See docs/mqtt-external-broker.md for the broker settings this needs (persistence, no queue limit).
/// </summary>
public sealed class ExternalBrokerOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Mqtt:External";

    /// <summary>The broker's host name or address. Required.</summary>
    public string Host { get; set; } = "";

    /// <summary>TCP port. Default 1883 (use the broker's TLS port, usually 8883, with <see cref="UseTls"/>).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>
    /// The fixed client id that names the persistent session on the broker. Default <c>telehealth-gateway-{Gateway:Id}</c>.
    /// Two gateways must never share one: the broker would throw one off whenever the other connects.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>How long the broker keeps the session (subscription and undelivered messages) while the gateway is away. Default 7 days.</summary>
    [Range(60, uint.MaxValue)]
    public long SessionExpirySeconds { get; set; } = 7 * 24 * 3600;

    /// <summary>MQTT keep-alive. Default 30 s.</summary>
    [Range(5, 3600)]
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>How long to wait for CONNACK and SUBACK. Default 10 s.</summary>
    [Range(1, 300)]
    public int ConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Receive Maximum: messages the broker may have in flight to the gateway before it must wait for acknowledgements.
    /// Bounds the memory held while the buffer is full. Default 100.
    /// </summary>
    [Range(1, 65535)]
    public int ReceiveMaximum { get; set; } = 100;

    /// <summary>Login user name; empty = anonymous (a broker should refuse that).</summary>
    public string? Username { get; set; }

    /// <summary>File holding the password (first line; trailing newline ignored). Required with <see cref="Username"/>.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Use TLS. Default false.</summary>
    public bool UseTls { get; set; }

    /// <summary>PEM file with the CA certificate(s) the broker's certificate must chain to; empty = the system's trust store.</summary>
    public string? CaFile { get; set; }

    /// <summary>Optional client certificate (PEM) for brokers that require one; needs <see cref="ClientKeyFile"/>.</summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>The client certificate's private key (PEM, unencrypted).</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>Name the broker's certificate must carry; default <see cref="Host"/>.</summary>
    public string? TlsServerName { get; set; }

    /// <summary>First reconnect delay. Default 1 s; doubles per failed attempt up to <see cref="ReconnectMaxDelaySeconds"/>, with jitter.</summary>
    [Range(0.01, 3600)]
    public double ReconnectInitialDelaySeconds { get; set; } = 1;

    /// <summary>Longest reconnect delay. Default 60 s.</summary>
    [Range(0.01, 3600)]
    public double ReconnectMaxDelaySeconds { get; set; } = 60;

    /// <summary>Pause before a refused commit (buffer full or failing) is tried again. Default 1 s.</summary>
    [Range(0.01, 600)]
    public double CommitRetrySeconds { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Host) || Host.Any(char.IsWhiteSpace))
        {
            yield return new ValidationResult("Mqtt:External:Host is required in Mqtt:Mode External (the broker's host name or address)", [nameof(Host)]);
        }

        if (ClientId is { } id && (id.Length is 0 or > 128 || id.Any(c => c is '/' or '+' or '#' || char.IsControl(c) || char.IsWhiteSpace(c))))
        {
            yield return new ValidationResult($"Mqtt:External:ClientId '{id}' must be 1-128 characters without spaces, '/', '+' or '#'", [nameof(ClientId)]);
        }

        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(PasswordFile))
        {
            yield return new ValidationResult("Mqtt:External:Username and Mqtt:External:PasswordFile go together: give both or neither", [nameof(PasswordFile)]);
        }

        foreach (var (key, path) in new[] { ("PasswordFile", PasswordFile), ("CaFile", CaFile), ("ClientCertificateFile", ClientCertificateFile), ("ClientKeyFile", ClientKeyFile) })
        {
            if (!string.IsNullOrEmpty(path) && !File.Exists(path))
            {
                yield return new ValidationResult($"Mqtt:External:{key} '{path}' does not exist or is not readable", [key]);
            }
        }

        if (!UseTls && (!string.IsNullOrEmpty(CaFile) || !string.IsNullOrEmpty(ClientCertificateFile)))
        {
            yield return new ValidationResult("Mqtt:External:CaFile and ClientCertificateFile need Mqtt:External:UseTls=true", [nameof(UseTls)]);
        }

        if (string.IsNullOrEmpty(ClientCertificateFile) != string.IsNullOrEmpty(ClientKeyFile))
        {
            yield return new ValidationResult("Mqtt:External:ClientCertificateFile and ClientKeyFile go together: give both or neither", [nameof(ClientKeyFile)]);
        }

        if (ReconnectMaxDelaySeconds < ReconnectInitialDelaySeconds)
        {
            yield return new ValidationResult("Mqtt:External:ReconnectMaxDelaySeconds must be at least ReconnectInitialDelaySeconds", [nameof(ReconnectMaxDelaySeconds)]);
        }
    }
}
