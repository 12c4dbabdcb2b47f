using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;

namespace Telehealth.Gateway.Core.ExternalBroker;

/// <summary>
/// Builds the MQTT 5 client options for one connection attempt: fixed client id, clean start false with a session
/// expiry (a persistent session), Receive Maximum, credentials (the password read from its file on every attempt, so a
/// rotated password is picked up), and TLS checked against the configured CA.
/// </summary>
public static class ExternalBrokerConnectOptions
{
    /// <summary>The client options; throws <see cref="InvalidOperationException"/> when a credential or certificate file cannot be used.</summary>
    public static MqttClientOptions Build(ExternalBrokerOptions options, string clientId)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)options.SessionExpirySeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromSeconds(options.ConnectTimeoutSeconds))
            .WithReceiveMaximum((ushort)options.ReceiveMaximum);
        if (!string.IsNullOrEmpty(options.Username) && options.PasswordFile is { } passwordFile)
        {
            builder.WithCredentials(options.Username, ReadPassword(passwordFile));
        }

        if (options.UseTls)
        {
            var trusted = string.IsNullOrEmpty(options.CaFile) ? null : LoadCertificates(options.CaFile, "Mqtt:External:CaFile");
            var tls = new MqttClientTlsOptionsBuilder()
                .UseTls()
                .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                .WithTargetHost(string.IsNullOrEmpty(options.TlsServerName) ? options.Host : options.TlsServerName)
                .WithCertificateValidationHandler(e => BrokerCertificateValidation.IsTrusted(e.Certificate, e.SslPolicyErrors, trusted));
            if (!string.IsNullOrEmpty(options.ClientCertificateFile) && options.ClientKeyFile is { } keyFile)
            {
                tls.WithClientCertificates([LoadClientCertificate(options.ClientCertificateFile, keyFile)]);
            }

            builder.WithTlsOptions(tls.Build());
        }

        return builder.Build();
    }

    private static byte[] ReadPassword(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            var line = text.Split('\n')[0].TrimEnd('\r');
            return line.Length == 0
                ? throw new InvalidOperationException($"Mqtt:External:PasswordFile '{path}' is empty")
                : Encoding.UTF8.GetBytes(line);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Mqtt:External:PasswordFile '{path}' cannot be read: {ex.Message}", ex);
        }
    }

    private static X509Certificate2Collection LoadCertificates(string path, string key)
    {
        try
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPemFile(path);
            return collection.Count > 0 ? collection : throw new InvalidOperationException($"{key} '{path}' holds no PEM certificate");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"{key} '{path}' cannot be used: {ex.Message}", ex);
        }
    }

    private static X509Certificate2 LoadClientCertificate(string certificateFile, string keyFile)
    {
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
            // SslStream on Linux needs the key in an exportable PKCS#12 form, not an ephemeral PEM key.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"Mqtt:External:ClientCertificateFile/ClientKeyFile cannot be used: {ex.Message}", ex);
        }
    }
}
