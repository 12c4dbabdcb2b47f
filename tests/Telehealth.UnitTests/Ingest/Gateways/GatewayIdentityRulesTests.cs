using System.ComponentModel.DataAnnotations;
using Telehealth.Ingest.Gateways;
using Telehealth.Metadata.Gateways;

namespace Telehealth.UnitTests.Ingest.Gateways;

public sealed class GatewayIdentityRulesTests
{
    [Theory]
    [InlineData("d")]
    [InlineData("sim-1")]
    [InlineData("AA:BB:CC:DD:EE:FF")]
    [InlineData("citizen-1-5")]
    public void DeviceId_AcceptsShortIdsAndMacAddresses(string id) => Assert.Null(DeviceId.Validate(id));

    [Theory]
    [InlineData("", "missing")]
    [InlineData("a b", "1-64 characters")]
    [InlineData("dev/1", "1-64 characters")]
    [InlineData("0101901234", "CPR")]
    [InlineData("010190-1234", "CPR")]
    public void DeviceId_RefusesBadAndCprShapedIds(string id, string reason) => Assert.Contains(reason, DeviceId.Validate(id), StringComparison.Ordinal);

    [Fact]
    public void SeedWithABadDeviceId_FailsValidationNamingTheKey()
    {
        var options = new GatewayRegistryOptions
        {
            Known = [new GatewayCredential { Id = "gw-1", PatientId = "patient-1", SecretSha256 = new string('a', 64), Devices = ["ok", "not ok"] }],
        };

        var errors = options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage).ToList();

        Assert.Equal(["Gateways:Known:0:Devices:1: device id must be 1-64 characters of A-Z a-z 0-9 _ - . :"], errors);
    }
}
