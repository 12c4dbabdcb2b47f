using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Telehealth.Gateway.Core.ExternalBroker;

/// <summary>
/// Decides whether the broker's TLS certificate is trusted: its name must match, and it must chain to the configured CA
/// (custom root trust, nothing else) — or, with no CA configured, to the system's trust store.
/// </summary>
public static class BrokerCertificateValidation
{
    public static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection? trustedRoots)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false; // no certificate, or a name mismatch
        }

        if (trustedRoots is null)
        {
            return errors == SslPolicyErrors.None;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
