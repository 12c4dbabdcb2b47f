using System.Text;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Devices;
using static Telehealth.UnitTests.Gateway.Devices.DeviceTestConfiguration;

namespace Telehealth.UnitTests.Gateway.Devices;

/// <summary>The registry's credential check against the SHA-256 of each device's password.</summary>
public sealed class DeviceRegistryTests
{
    private static DeviceRegistry Registry() => new(Options.Create(Bind(
        ("Devices:Mqtt:0:Id", "watch-1"), ("Devices:Mqtt:0:PasswordSha256", Sha256("secret-1")),
        ("Devices:Mqtt:1:Id", "watch-2"), ("Devices:Mqtt:1:PasswordSha256", Sha256("secret-2")))));

    [Theory]
    [InlineData("watch-1", "secret-1", CredentialCheck.Accepted)]
    [InlineData("watch-2", "secret-2", CredentialCheck.Accepted)]
    [InlineData("watch-1", "secret-2", CredentialCheck.WrongPassword)]
    [InlineData("watch-1", "", CredentialCheck.WrongPassword)]
    [InlineData("WATCH-1", "secret-1", CredentialCheck.UnknownDevice)]
    [InlineData("watch-3", "secret-1", CredentialCheck.UnknownDevice)]
    public void CheckMqtt_ComparesTheHashOfThePassword(string username, string password, CredentialCheck expected)
        => Assert.Equal(expected, Registry().CheckMqtt(username, Encoding.UTF8.GetBytes(password), passwordGiven: true));

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("watch-1", false)]
    public void CheckMqtt_NoUsernameOrNoPassword_IsMissing(string? username, bool passwordGiven)
        => Assert.Equal(CredentialCheck.Missing, Registry().CheckMqtt(username, Encoding.UTF8.GetBytes("secret-1"), passwordGiven));

    [Fact]
    public void IsEnrolledMqttDevice_KnowsOnlyEnrolledIds()
    {
        var registry = Registry();

        Assert.True(registry.IsEnrolledMqttDevice("watch-2"));
        Assert.False(registry.IsEnrolledMqttDevice("watch-3"));
        Assert.Equal(2, registry.MqttDeviceCount);
    }
}
