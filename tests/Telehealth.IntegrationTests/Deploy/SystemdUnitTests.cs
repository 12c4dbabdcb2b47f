using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Deploy;

public sealed class SystemdUnitTests
{
    private static readonly string UnitPath = Path.Combine(RepoPaths.Root, "deploy", "systemd", "telehealth-gateway.service");

    [Fact]
    public async Task GatewayUnit_PassesSystemdAnalyzeVerify()
    {
        var (code, output) = await RunAsync(Path.Combine(RepoPaths.Root, "deploy", "systemd", "verify.sh"));

        Assert.True(code == 0, output);
        Assert.Contains("unit ok", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ReportsABrokenUnit()
    {
        var directory = Directory.CreateTempSubdirectory("th-unit-").FullName;
        try
        {
            var broken = Path.Combine(directory, "telehealth-gateway.service");
            File.WriteAllText(broken, File.ReadAllText(UnitPath).Replace("Type=notify", "Type=notifyy", StringComparison.Ordinal));
            File.Copy(Path.Combine(RepoPaths.Root, "deploy", "systemd", "verify.sh"), Path.Combine(directory, "verify.sh"));

            var (code, output) = await RunAsync(Path.Combine(directory, "verify.sh"));

            Assert.Equal(1, code);
            Assert.Contains("notifyy", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("Type=notify")]
    [InlineData("StateDirectory=telehealth-gateway")]
    [InlineData("Environment=Buffer__Path=/var/lib/telehealth-gateway/buffer.db")]
    [InlineData("NoNewPrivileges=yes")]
    [InlineData("ProtectSystem=strict")]
    [InlineData("Restart=always")]
    public void GatewayUnit_HasTheSettingsTheGuaranteesRelyOn(string line)
        => Assert.Contains(line, File.ReadAllLines(UnitPath));

    private static async Task<(int Code, string Output)> RunAsync(string script)
    {
        var (code, stdout, stderr) = await ProcessRunner.RunAsync("bash", script);
        return (code, stdout + "\n" + stderr);
    }
}
