using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Telehealth.IntegrationTests.Fixtures;

/// <summary>
/// A real mosquitto 2 on 127.0.0.1 started from a config file in a temp dir, the way a municipality would run it for
/// <c>Mqtt:Mode=External</c>: <c>allow_anonymous false</c>, a <c>password_file</c> made with <c>mosquitto_passwd</c>,
/// an ACL (devices write only their own reading topic, the gateway user reads them all), persistence in the temp dir,
/// <c>max_queued_messages 0</c> (no queue limit), a plain listener for devices and a TLS listener whose CA and server
/// certificate are generated here. Runs with <c>user root</c> so its files need no other owner. Stop/start again keeps
/// port, data and sessions.
/// </summary>
public sealed class MosquittoServer : IAsyncDisposable
{
    /// <summary>The gateway's login on the broker.</summary>
    public const string GatewayUser = "telehealth-gateway";

    private readonly string _executable;
    private ExternalProcess? _process;

    private MosquittoServer(string executable, string directory, int port, int tlsPort)
    {
        _executable = executable;
        Directory = directory;
        Port = port;
        TlsPort = tlsPort;
    }

    /// <summary>The temp dir holding config, password file, ACL, certificates and persistence.</summary>
    public string Directory { get; }

    /// <summary>Plain MQTT listener on 127.0.0.1 (devices).</summary>
    public int Port { get; }

    /// <summary>TLS listener on 127.0.0.1 (server certificate for 127.0.0.1 and localhost, signed by <see cref="CaFile"/>).</summary>
    public int TlsPort { get; }

    /// <summary>The gateway user's password.</summary>
    public string GatewayPassword { get; } = "gw-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>A file holding <see cref="GatewayPassword"/>, for <c>Mqtt:External:PasswordFile</c>.</summary>
    public string GatewayPasswordFile => Path.Combine(Directory, "gateway.password");

    /// <summary>The CA that signed the broker's certificate (PEM).</summary>
    public string CaFile => Path.Combine(Directory, "ca.crt");

    /// <summary>Another CA (PEM) that did not sign the broker's certificate.</summary>
    public string WrongCaFile => Path.Combine(Directory, "wrong-ca.crt");

    public string ConfigPath => Path.Combine(Directory, "mosquitto.conf");

    /// <summary>True while the broker process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The broker's recent output.</summary>
    public string Output => _process?.Output ?? "";

    /// <summary>
    /// Starts a broker whose users are the gateway and each of <paramref name="devices"/> (password = <paramref name="devicePassword"/>(id)).
    /// </summary>
    public static async Task<MosquittoServer> StartAsync(IEnumerable<string> devices, Func<string, string> devicePassword, CancellationToken cancellationToken)
    {
        var executable = ExternalProcess.Locate("mosquitto", "mosquitto");
        var passwd = ExternalProcess.Locate("mosquitto_passwd", "mosquitto");
        var deviceList = devices.ToList();
        for (var attempt = 1; ; attempt++)
        {
            var directory = System.IO.Directory.CreateTempSubdirectory("telehealth-mosquitto-").FullName;
            var server = new MosquittoServer(executable, directory, FreePort.Next(), FreePort.Next());
            try
            {
                await server.WriteFilesAsync(passwd, deviceList, devicePassword, cancellationToken);
                await server.StartAgainAsync(cancellationToken);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await server.DisposeAsync(); // most likely a port taken between FreePort.Next() and the bind
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Starts the broker (again): same ports, same persistence file, so sessions and queued messages survive.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("mosquitto is already running.");
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _process = ExternalProcess.Start(_executable, ["-c", ConfigPath], Directory);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                var output = await _process.OutputAfterExitAsync(cancellationToken);
                throw new InvalidOperationException($"mosquitto exited before listening. Output:\n{output}");
            }

            if (await AcceptsAsync(Port, cancellationToken) && await AcceptsAsync(TlsPort, cancellationToken))
            {
                return;
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new InvalidOperationException($"mosquitto did not listen on {Port}/{TlsPort} within 30 s. Output:\n{_process.Output}");
    }

    /// <summary>Stops the broker cleanly (SIGTERM): it writes its persistence file, as on a planned restart.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(10));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task WriteFilesAsync(string passwd, IReadOnlyList<string> devices, Func<string, string> devicePassword, CancellationToken cancellationToken)
    {
        var passwords = Path.Combine(Directory, "passwords");
        var lines = new StringBuilder().Append(GatewayUser).Append(':').Append(GatewayPassword).Append('\n');
        foreach (var device in devices)
        {
            lines.Append(device).Append(':').Append(devicePassword(device)).Append('\n');
        }

        await File.WriteAllTextAsync(passwords, lines.ToString(), cancellationToken);
        await RunAsync(passwd, ["-U", passwords], cancellationToken); // hashes every "user:password" line in place
        await File.WriteAllTextAsync(GatewayPasswordFile, GatewayPassword + "\n", cancellationToken);

        await File.WriteAllTextAsync(Path.Combine(Directory, "acl"), $"""
            user {GatewayUser}
            topic read telehealth/v1/devices/+/readings

            pattern write telehealth/v1/devices/%u/readings

            """, cancellationToken);

        WriteCertificates();
        var persistence = Directory.TrimEnd('/') + "/";
        await File.WriteAllTextAsync(ConfigPath, $"""
            user root
            per_listener_settings false
            allow_anonymous false
            password_file {passwords}
            acl_file {Path.Combine(Directory, "acl")}
            persistence true
            persistence_location {persistence}
            autosave_interval 1
            max_queued_messages 0
            max_inflight_messages 100
            log_dest stdout
            log_type error
            log_type warning
            log_type notice

            listener {Port.ToString(CultureInfo.InvariantCulture)} 127.0.0.1

            listener {TlsPort.ToString(CultureInfo.InvariantCulture)} 127.0.0.1
            cafile {CaFile}
            certfile {Path.Combine(Directory, "server.crt")}
            keyfile {Path.Combine(Directory, "server.key")}
            tls_version tlsv1.2

            """, cancellationToken);
    }

    private void WriteCertificates()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = SelfSignedCa("Telehealth test CA", caKey);
        File.WriteAllText(CaFile, ca.ExportCertificatePem() + "\n");

        using var wrongKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var wrong = SelfSignedCa("Telehealth test CA", wrongKey); // same name, other key: only the signature tells them apart
        File.WriteAllText(WrongCaFile, wrong.ExportCertificatePem() + "\n");

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=mosquitto test", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = TimeProvider.System.GetUtcNow();
        using var server = request.Create(ca, now.AddDays(-1), now.AddDays(30), RandomNumberGenerator.GetBytes(16));
        File.WriteAllText(Path.Combine(Directory, "server.crt"), server.ExportCertificatePem() + "\n");
        File.WriteAllText(Path.Combine(Directory, "server.key"), serverKey.ExportPkcs8PrivateKeyPem() + "\n");
    }

    private static X509Certificate2 SelfSignedCa(string name, ECDsa key)
    {
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(365));
    }

    private static async Task RunAsync(string executable, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + executable);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new IOException($"{executable} failed ({process.ExitCode}): {await stderr}");
        }
    }
}
