using System.Diagnostics;
using System.Globalization;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Operations;

/// <summary>
/// TLS between gateway and cloud with a private CA: the ingest serves HTTPS from PEM files (Kestrel:Endpoints:Https),
/// the gateway trusts only the CA in Forwarder:CaCertificateFile. Real processes, certificates made in the test.
/// </summary>
public sealed class TlsTests : IDisposable
{
    private readonly TestPki _pki = TestPki.Create();
    private readonly int _httpsPort = FreePort.Next();

    public void Dispose() => _pki.Dispose();

    [Fact]
    public async Task GatewayTrustingThePrivateCa_SendsOverHttps_AndReadingsArrive()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var pipeline = await StartAsync(_pki.CaCertificatePath, timeout.Token);
        var ackLog = Path.Combine(pipeline.Directory, "acked.tsv");

        await pipeline.RunSimulatorAsync(["--devices", "2", "--rate", "0", "--count", "20", "--acked-log", ackLog], timeout.Token);

        var acked = await pipeline.AssertAckedStoredExactlyOnceAsync(ackLog, ["heart_rate", "spo2", "blood_pressure", "body_weight", "steps"], timeout.Token);
        Assert.Equal(40, acked);
        Assert.DoesNotContain("Sending to the ingest failed", pipeline.Gateway.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("system trust store")]
    [InlineData("another CA")]
    public async Task GatewayNotTrustingTheIngestsCa_RefusesToSend_AndKeepsItsReadings(string trust)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var pipeline = await StartAsync(trust == "another CA" ? _pki.OtherCaCertificatePath : null, timeout.Token);
        var ackLog = Path.Combine(pipeline.Directory, "acked.tsv");

        await pipeline.RunSimulatorAsync(["--devices", "2", "--rate", "0", "--count", "20", "--acked-log", ackLog], timeout.Token);
        var acked = AckedReading.ReadLog(ackLog).Count;
        Assert.Equal(40, acked);

        // The forwarder tries (its retries fail the TLS handshake), logs it, and keeps every reading in its buffer.
        var clock = Stopwatch.StartNew();
        while (!pipeline.Gateway.Log.Contains("Sending to the ingest failed", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200, timeout.Token);
        }

        Assert.Contains("Sending to the ingest failed", pipeline.Gateway.Log, StringComparison.Ordinal);
        var status = await pipeline.GatewayStatusAsync(timeout.Token);
        Assert.Equal(acked, status.GetProperty("buffer").GetProperty("readings").GetInt64());
        Assert.Equal(0, status.GetProperty("buffer").GetProperty("deadLetters").GetInt64());
        Assert.Equal(0, await pipeline.CountAsync("heart_rate", timeout.Token));
        Assert.Equal(0, await pipeline.CountAsync("spo2", timeout.Token));
    }

    [Fact]
    public async Task Ingest_ServesHttpsFromPemFiles_ToAClientTrustingTheCa()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var pipeline = await StartAsync(_pki.CaCertificatePath, timeout.Token, withGateway: false);
        var authorities = Telehealth.Gateway.Core.Forwarding.IngestTls.LoadAuthorities(_pki.CaCertificatePath);
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            Telehealth.Gateway.Core.Forwarding.IngestTls.IsTrusted(authorities, certificate as System.Security.Cryptography.X509Certificates.X509Certificate2, errors);
        using var http = new HttpClient(handler);

        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri($"https://127.0.0.1:{_httpsPort.ToString(CultureInfo.InvariantCulture)}/healthz"), timeout.Token);
        }
        catch (HttpRequestException ex)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\n{pipeline.Ingest.Log}");
        }

        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        }
    }

    private Task<Fixtures.Pipeline> StartAsync(string? caFile, CancellationToken cancellationToken, bool withGateway = true)
    {
        var https = $"https://127.0.0.1:{_httpsPort.ToString(CultureInfo.InvariantCulture)}";
        var gateway = new Dictionary<string, string> { ["Forwarder__IngestUrl"] = https, ["Forwarder__RetryPauseSeconds"] = "0.5" };
        if (caFile is not null)
        {
            gateway["Forwarder__CaCertificateFile"] = caFile;
        }

        return Fixtures.Pipeline.StartAsync(gatewaySettings: gateway, withGateway: withGateway, ingestSettings: new Dictionary<string, string>
        {
            // Kestrel:Endpoints replaces Urls: keep the plain-http loopback endpoint the fixture checks /healthz on, add HTTPS.
            // Kestrel binds the endpoints in the order of their names and serves each as soon as it is bound: "Gateways"
            // (https) comes before "Loopback" (http), so a ready /healthz means the HTTPS endpoint is listening too.
            ["Kestrel__Endpoints__Loopback__Url"] = Fixtures.Pipeline.IngestUrlPlaceholder,
            ["Kestrel__Endpoints__Gateways__Url"] = https,
            ["Kestrel__Endpoints__Gateways__Certificate__Path"] = _pki.ServerCertificatePath,
            ["Kestrel__Endpoints__Gateways__Certificate__KeyPath"] = _pki.ServerKeyPath,
        }, cancellationToken: cancellationToken);
    }
}
