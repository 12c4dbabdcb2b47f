using System.Net;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Enrolment;

/// <summary>The gateway's side of enrolment: the <c>enrol</c> verb (gateway/enrol.sh) and self-enrolment at start.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GatewayEnrolmentTests : IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task EnrolScript_WritesTheSecretWithMode0600_ItAuthenticates_AndTheCodeIsUsedUp()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var pipeline = await Fixtures.Pipeline.StartAsync(withGateway: false, cancellationToken: timeout.Token);
        await using var admin = await IngestAdmin.CreateAsync(pipeline, timeout.Token);
        var code = await admin.CodeForAsync("gw-enrol", "patient-enrol", timeout.Token);
        var secretFile = Path.Combine(pipeline.Directory, "etc", "gateway.secret");

        var (exit, stdout, stderr) = await EnrolAsync(pipeline, "gw-enrol", code, secretFile);

        Assert.True(exit == 0, stderr);
        Assert.Contains("enrolled gw-enrol", stdout, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
        var secret = await File.ReadAllTextAsync(secretFile, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, await GatewayCalls.HeartbeatAsync(_http, pipeline.IngestUrl, "gw-enrol", secret, timeout.Token));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(secretFile)!, "*.tmp-*"));

        var again = await EnrolAsync(pipeline, "gw-enrol", code, secretFile);
        Assert.Equal(1, again.Code);
        Assert.Contains("refused", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(secret, await File.ReadAllTextAsync(secretFile, timeout.Token));
    }

    [Theory]
    [InlineData("--gateway-id gw-1 --code c --secret-file /tmp/x", "required")]
    [InlineData("--ingest-url ftp://x --gateway-id gw-1 --code c --secret-file /tmp/x", "http(s)")]
    [InlineData("--ingest-url http://127.0.0.1:9 --gateway-id 010190-1234 --code c --secret-file /tmp/x", "CPR")]
    [InlineData("--ingest-url http://127.0.0.1:9 --gateway-id gw-1 --code c --secret-file /tmp/x --bogus y", "unexpected")]
    [InlineData("--ingest-url http://127.0.0.1:9 --gateway-id gw-1 --code c --secret-file /tmp/th-enrol-never", "enrolment failed")]
    public async Task EnrolVerb_BadArgumentsOrNoIngest_Exit1WithAClearError(string arguments, string message)
    {
        var (code, _, stderr) = await CommandRun.RunAsync(new Dictionary<string, string>(), "dotnet", [RepoPaths.GatewayDll, "enrol", .. arguments.Split(' ')]);

        Assert.Equal(1, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists("/tmp/th-enrol-never"));
    }

    [Fact]
    public async Task GatewayWithAnEnrolmentCodeAndNoSecretFile_EnrolsItself_AndForwards()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var pipeline = await Fixtures.Pipeline.StartAsync(withGateway: false, cancellationToken: timeout.Token);
        await using var admin = await IngestAdmin.CreateAsync(pipeline, timeout.Token);
        var code = await admin.CodeForAsync(pipeline.GatewayId, pipeline.PatientId, timeout.Token);
        var secretFile = Path.Combine(pipeline.Directory, "gateway", "gateway.secret");

        await pipeline.StartGatewayAsync(new Dictionary<string, string>
        {
            ["Forwarder__Secret"] = "",
            ["Forwarder__SecretFile"] = secretFile,
            ["Forwarder__EnrolmentCode"] = code,
        }, timeout.Token);
        var ackLog = Path.Combine(pipeline.Directory, "acked.tsv");
        await pipeline.RunSimulatorAsync(["--devices", "2", "--kinds", "wearable", "--rate", "50", "--count", "10", "--acked-log", ackLog], timeout.Token);

        Assert.Equal(20, await pipeline.AssertAckedStoredExactlyOnceAsync(ackLog, ["heart_rate"], timeout.Token));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
        Assert.Contains("enrolled", pipeline.Gateway.Log, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await GatewayCalls.HeartbeatAsync(_http, pipeline.IngestUrl, pipeline.GatewayId, pipeline.Secret, timeout.Token));
    }

    private static Task<(int Code, string Stdout, string Stderr)> EnrolAsync(Fixtures.Pipeline pipeline, string gatewayId, string code, string secretFile)
        => CommandRun.RunAsync(new Dictionary<string, string>(), "bash", Path.Combine(RepoPaths.Root, "gateway", "enrol.sh"),
            "--ingest-url", pipeline.IngestUrl.ToString(), "--gateway-id", gatewayId, "--code", code, "--secret-file", secretFile);
}
