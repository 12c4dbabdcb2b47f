using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Telehealth.Gateway.Core.Forwarding;

/// <summary>
/// How the forwarder and the heartbeat check the ingest's TLS certificate. Without <see cref="ForwarderOptions.CaCertificateFile"/>:
/// the operating system's trust store (a public CA). With it: only certificates that chain to the CA(s) in that PEM file
/// (a municipality's own PKI) and name the ingest's host; the system store is then not consulted at all.
/// </summary>
public static class IngestTls
{
    /// <summary>The primary handler of the ingest's HTTP client.</summary>
    public static SocketsHttpHandler CreateHandler(ForwarderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        if (!string.IsNullOrEmpty(options.CaCertificateFile))
        {
            var authorities = LoadAuthorities(options.CaCertificateFile);
            handler.SslOptions.RemoteCertificateValidationCallback =
                (_, certificate, _, errors) => IsTrusted(authorities, certificate as X509Certificate2, errors);
        }

        return handler;
    }

    /// <summary>The certificates of a PEM file (one CA or a bundle).</summary>
    /// <exception cref="CryptographicException">The file holds no certificate or cannot be read as PEM.</exception>
    public static X509Certificate2Collection LoadAuthorities(string pemFile)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(pemFile);
        if (authorities.Count == 0)
        {
            throw new CryptographicException($"'{pemFile}' holds no PEM certificate");
        }

        return authorities;
    }

    /// <summary>
    /// True when <paramref name="certificate"/> was presented, names the host (the handler's own check, in
    /// <paramref name="errors"/>) and chains to one of <paramref name="authorities"/> and nothing else.
    /// </summary>
    public static bool IsTrusted(X509Certificate2Collection authorities, X509Certificate2? certificate, SslPolicyErrors errors)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // a private CA rarely publishes a CRL; revoke by rotating the CA file
        return chain.Build(certificate);
    }
}
