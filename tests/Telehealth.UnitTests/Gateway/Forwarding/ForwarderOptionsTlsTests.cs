using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Telehealth.Gateway.Core.Forwarding;

namespace Telehealth.UnitTests.Gateway.Forwarding;

/// <summary>Forwarder:CaCertificateFile is checked at start: a readable PEM certificate, and only with an https ingest URL.</summary>
public sealed class ForwarderOptionsTlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("th-tls-options-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void CaFile_WithHttpsUrl_IsValid()
    {
        var problems = Validate("https://ingest.example:8443", WriteCa());

        Assert.Empty(problems);
    }

    [Fact]
    public void CaFile_WithPlainHttpUrl_IsRefusedNamingTheKey()
    {
        var problems = Validate("http://127.0.0.1:8080", WriteCa());

        Assert.Contains(problems, p => p.Contains("Forwarder:CaCertificateFile", StringComparison.Ordinal) && p.Contains("not https", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("not PEM")]
    public void CaFile_ThatIsNoCertificate_IsRefusedNamingTheKey(string what)
    {
        var path = Path.Combine(_directory, "ca.pem");
        if (what == "not PEM")
        {
            File.WriteAllText(path, "hello");
        }

        var problems = Validate("https://ingest.example", path);

        Assert.Contains(problems, p => p.Contains("Forwarder:CaCertificateFile", StringComparison.Ordinal) && p.Contains("PEM", StringComparison.Ordinal));
    }

    [Fact]
    public void NoCaFile_LeavesTheSystemTrustStore_AndAllowsHttp()
    {
        Assert.Empty(Validate("http://127.0.0.1:8080", null));
        using var handler = IngestTls.CreateHandler(new ForwarderOptions { IngestUrl = "https://x", Secret = "s" });
        Assert.Null(handler.SslOptions.RemoteCertificateValidationCallback);
    }

    [Fact]
    public void IsTrusted_RefusesNameMismatch_AndCertificatesOfAnotherCa()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = NewCa("CN=ca", caKey);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = NewCa("CN=other", otherKey);
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ingest", leafKey, HashAlgorithmName.SHA256);
        var now = TimeProvider.System.GetUtcNow();
        using var leaf = request.Create(ca, now.AddMinutes(-1), now.AddDays(1), [1, 2, 3, 4]);

        Assert.True(IngestTls.IsTrusted([ca], leaf, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(IngestTls.IsTrusted([ca], leaf, System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.False(IngestTls.IsTrusted([other], leaf, System.Net.Security.SslPolicyErrors.None));
        Assert.False(IngestTls.IsTrusted([ca], null, System.Net.Security.SslPolicyErrors.None));
    }

    private string WriteCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = NewCa("CN=test ca", key);
        var path = Path.Combine(_directory, "ca.pem");
        File.WriteAllText(path, ca.ExportCertificatePem());
        return path;
    }

    private static X509Certificate2 NewCa(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-1), now.AddDays(2));
    }

    private static List<string> Validate(string url, string? caFile)
    {
        var options = new ForwarderOptions { IngestUrl = url, Secret = "secret", CaCertificateFile = caFile };
        return [.. options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage ?? "")];
    }
}
