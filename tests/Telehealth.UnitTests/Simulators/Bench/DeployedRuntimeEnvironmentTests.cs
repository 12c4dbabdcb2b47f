using Telehealth.Simulators.Bench.Buffer;
using Telehealth.Simulators.Cli;

namespace Telehealth.UnitTests.Simulators.Bench;

public sealed class DeployedRuntimeEnvironmentTests
{
    [Fact]
    public void Parse_TakesTheDotnetAssignmentsOfEnvironmentLines_InOrder()
    {
        var environment = DeployedRuntimeEnvironment.Parse(
        [
            "[Service]",
            "Environment=DOTNET_ENVIRONMENT=Production",
            "Environment=DOTNET_gcServer=0",
            "# Environment=DOTNET_commented=1",
            "Environment=Buffer__Path=/var/lib/x/buffer.db",
            "Environment=MALLOC_ARENA_MAX=2",
            "Environment=\"DOTNET_TieredPGO=0\" Forwarder__SecretFile=/etc/x DOTNET_GCgen0size=0x200000",
            "EnvironmentFile=-/etc/x/gateway.env",
        ]);

        Assert.Equal(
            [
                new KeyValuePair<string, string>("DOTNET_ENVIRONMENT", "Production"),
                new("DOTNET_gcServer", "0"),
                new("MALLOC_ARENA_MAX", "2"),
                new("DOTNET_TieredPGO", "0"),
                new("DOTNET_GCgen0size", "0x200000"),
            ],
            environment);
    }

    [Fact]
    public void Parse_ALaterAssignmentWins()
    {
        var environment = DeployedRuntimeEnvironment.Parse(["Environment=DOTNET_GCgen0size=0x400000", "Environment=DOTNET_GCgen0size=0x200000"]);

        Assert.Equal(new KeyValuePair<string, string>("DOTNET_GCgen0size", "0x200000"), Assert.Single(environment));
    }

    [Theory]
    [InlineData("Environment=\"DOTNET_gcServer=0")]
    [InlineData("Environment=DOTNET_gcServer")]
    public void Parse_UnreadableAssignment_IsAClearError(string line)
    {
        var error = Assert.Throws<UsageException>(() => DeployedRuntimeEnvironment.Parse([line]));

        Assert.Contains("systemd unit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromUnit_MissingFile_IsAClearError()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"th-no-unit-{Guid.NewGuid():N}.service");

        var error = Assert.Throws<UsageException>(() => DeployedRuntimeEnvironment.FromUnit(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromUnit_TheShippedGatewayUnit_SetsWorkstationGcAndFewMallocArenas_ButNoGen0Budget()
    {
        var environment = DeployedRuntimeEnvironment.FromUnit(ShippedUnit());

        Assert.Contains(new KeyValuePair<string, string>("DOTNET_gcServer", "0"), environment);
        Assert.DoesNotContain(environment, kv => kv.Key == "DOTNET_GCgen0size"); // it cost durable throughput (docs/benchmarks.md)
        Assert.Contains(new KeyValuePair<string, string>("MALLOC_ARENA_MAX", "2"), environment);
        Assert.Contains(new KeyValuePair<string, string>("MALLOC_MMAP_THRESHOLD_", "131072"), environment);
    }

    private static string ShippedUnit()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var unit = Path.Combine(directory.FullName, "deploy", "systemd", "telehealth-gateway.service");
            if (File.Exists(unit))
            {
                return unit;
            }
        }

        throw new InvalidOperationException("deploy/systemd/telehealth-gateway.service not found above the test's directory");
    }
}
