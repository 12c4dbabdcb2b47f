using Dapper;
using Microsoft.Extensions.Options;
using Telehealth.IntegrationTests.Fixtures;
using Telehealth.Metadata;
using Telehealth.Metadata.Database;
using Telehealth.Metadata.Gateways;
using Telehealth.Metadata.People;

namespace Telehealth.IntegrationTests.Enrolment;

/// <summary>The ingest binary's <c>admin</c> verb and cloud-ingest/admin.sh against a real metadata database.</summary>
public sealed class AdminCliTests : IAsyncLifetime
{
    private MetadataDatabase _database = null!;

    public async Task InitializeAsync() => _database = await MetadataDatabase.CreateAsync(MetadataProvider.Sqlite, CancellationToken.None, migrate: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AdminScript_SetsUpAGatewayWhoseCodeEnrols_AndEveryChangeIsAudited()
    {
        Assert.Equal(0, (await AdminScriptAsync("migrate")).Code);
        var op = await AdminAsync("operator", "create", "op-cli");
        await AdminAsync("patient", "create", "patient-cli", "--condition", "copd");
        await AdminAsync("care-team", "create", "team-cli", "Team CLI");
        await AdminAsync("care-team", "assign", "team-cli", "patient-cli");
        var therapist = await AdminAsync("therapist", "create", "th-cli", "--care-team", "team-cli");
        var code = await AdminAsync("gateway", "create", "gw-cli", "--patient", "patient-cli");
        await AdminAsync("device", "add", "gw-cli", "dev-1", "--kind", "scale");
        await AdminAsync("device", "add", "gw-cli", "dev-2");
        await AdminAsync("device", "remove", "gw-cli", "dev-2");

        var staff = new StaffStore(_database.Db, TimeProvider.System);
        Assert.Equal(("operator", "op-cli"), await KindAndIdAsync(staff, op));
        Assert.Equal(("therapist", "th-cli"), await KindAndIdAsync(staff, therapist));
        var store = Store();
        var enrolled = await store.EnrolAsync("gw-cli", code, CancellationToken.None);
        Assert.Equal(EnrolmentStatus.Enrolled, enrolled.Status);
        var gateway = await store.GetAsync("gw-cli", CancellationToken.None);
        Assert.Equal("patient-cli", gateway!.PatientId);
        Assert.Equal(["dev-1"], gateway.Devices.Select(d => d.DeviceId));
        Assert.Equal("copd", (await new PatientStore(_database.Db, TimeProvider.System).GetAsync("patient-cli", CancellationToken.None))!.Condition);

        var newCode = await AdminAsync("gateway", "code", "gw-cli");
        await AdminAsync("gateway", "revoke", "gw-cli");
        Assert.Equal(GatewayAuthStatus.Revoked, (await store.AuthenticateAsync("gw-cli", enrolled.Secret!.Value, CancellationToken.None)).Status);
        Assert.Equal(EnrolmentStatus.InvalidCode, (await store.EnrolAsync("gw-cli", newCode, CancellationToken.None)).Status); // revocation voids the code

        await using var connection = await _database.Db.OpenAsync(CancellationToken.None);
        var actions = (await connection.QueryAsync<string>("SELECT action FROM audit_log WHERE actor_kind = 'admin-cli' ORDER BY id")).ToList();
        Assert.Equal(
            ["admin.operators.create", "admin.patients.create", "admin.care-teams.create", "admin.care-teams.assign", "admin.therapists.create",
             "admin.gateways.create", "admin.devices.add", "admin.devices.add", "admin.devices.remove", "admin.gateways.code", "admin.gateways.revoke"],
            actions);
        var logged = string.Join('\n', await connection.QueryAsync<string>("SELECT COALESCE(detail, '') FROM audit_log"));
        Assert.DoesNotContain(code, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(op, logged, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("patient create 010190-1234", "CPR")]
    [InlineData("gateway create 0101901234 --patient patient-x", "CPR")]
    [InlineData("gateway create gw-x --patient 311299-9999", "CPR")]
    [InlineData("gateway create gw-x", "--patient")]
    [InlineData("gateway code gw-missing", "does not exist")]
    [InlineData("gateway revoke gw-missing", "does not exist")]
    [InlineData("device add gw-missing dev-1", "does not exist")]
    [InlineData("device add gw-x bad/device", "device id")]
    [InlineData("device remove gw-x dev-none", "not enrolled")]
    [InlineData("therapist create th-x", "--care-team")]
    [InlineData("frobnicate", "unknown")]
    [InlineData("", "no verb")]
    public async Task BadInput_GetsAClearError_AndExitCode1(string arguments, string message)
    {
        await AdminAsync("gateway", "create", "gw-x", "--patient", "patient-x");

        var (code, stdout, stderr) = await RunAsync(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatingAGatewayTwice_IsRefused_AndKeepsTheFirstBinding()
    {
        await AdminAsync("gateway", "create", "gw-twice", "--patient", "patient-1");

        var (code, _, stderr) = await RunAsync("gateway", "create", "gw-twice", "--patient", "patient-2");

        Assert.Equal(1, code);
        Assert.Contains("exists already", stderr, StringComparison.Ordinal);
        Assert.Equal("patient-1", (await Store().GetAsync("gw-twice", CancellationToken.None))!.PatientId);
    }

    private async Task<string> AdminAsync(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(args);
        Assert.True(code == 0, $"admin {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }

    private Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
        => CommandRun.RunAsync(_database.Settings, "dotnet", [RepoPaths.IngestDll, "admin", .. args]);

    private Task<(int Code, string Stdout, string Stderr)> AdminScriptAsync(params string[] args)
        => CommandRun.RunAsync(_database.Settings, "bash", [Path.Combine(RepoPaths.Root, "cloud-ingest", "admin.sh"), .. args]);

    private GatewayStore Store()
        => new(_database.Db, TimeProvider.System, Options.Create(new EnrolmentOptions()), Options.Create(new GatewaySecretOptions()));

    private static async Task<(string?, string?)> KindAndIdAsync(StaffStore staff, string token)
    {
        var member = await staff.AuthenticateAsync(token, CancellationToken.None);
        return (member?.Kind, member?.Id);
    }
}
