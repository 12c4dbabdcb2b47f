using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Telehealth.IntegrationTests.Operations;

/// <summary>
/// A private CA and a server certificate for 127.0.0.1/localhost signed by it, made with <see cref="CertificateRequest"/>
/// and written as PEM files into a temp dir — what a municipality's own PKI would hand out.
/// </summary>
public sealed class TestPki : IDisposable
{
    private TestPki(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public string CaCertificatePath => Path.Combine(Directory, "ca.pem");

    public string ServerCertificatePath => Path.Combine(Directory, "ingest.pem");

    public string ServerKeyPath => Path.Combine(Directory, "ingest.key");

    /// <summary>A CA that signed nothing of ours: a gateway trusting only it must refuse the ingest.</summary>
    public string OtherCaCertificatePath => Path.Combine(Directory, "other-ca.pem");

    public static TestPki Create()
    {
        var pki = new TestPki(System.IO.Directory.CreateTempSubdirectory("th-pki-").FullName);
        var now = TimeProvider.System.GetUtcNow(); // certificates are checked against the real clock
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = SelfSignedCa("CN=Telehealth test municipality CA", caKey, now);
        File.WriteAllText(pki.CaCertificatePath, ca.ExportCertificatePem());

        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = SelfSignedCa("CN=Some other CA", otherKey, now);
        File.WriteAllText(pki.OtherCaCertificatePath, other.ExportCertificatePem());

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var server = request.Create(ca, now.AddMinutes(-5), now.AddDays(2), RandomNumberGenerator.GetBytes(12));
        File.WriteAllText(pki.ServerCertificatePath, server.ExportCertificatePem());
        File.WriteAllText(pki.ServerKeyPath, serverKey.ExportPkcs8PrivateKeyPem());
        return pki;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // the OS temp cleaner takes the rest
        }
    }

    private static X509Certificate2 SelfSignedCa(string subject, ECDsa key, DateTimeOffset now)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));
    }
}
