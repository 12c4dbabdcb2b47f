using Microsoft.Extensions.Options;
using static Telehealth.UnitTests.Gateway.Devices.DeviceTestConfiguration;

namespace Telehealth.UnitTests.Gateway.Devices;

/// <summary>The device registry's configuration: bad entries stop the gateway with the key that is wrong.</summary>
public sealed class DevicesOptionsTests
{
    private static readonly string Hash = Sha256("pw");

    [Fact]
    public void ValidEntries_AreBound_InOrder()
    {
        var options = Bind(("Devices:Mqtt:0:Id", "watch-1"), ("Devices:Mqtt:0:PasswordSha256", Hash),
            ("Devices:Mqtt:1:Id", "phone.app_2"), ("Devices:Mqtt:1:PasswordSha256", Sha256("other")));

        Assert.Equal(["watch-1", "phone.app_2"], options.Mqtt.Select(d => d.Id));
        Assert.Equal(Hash, options.Mqtt[0].PasswordSha256);
    }

    [Fact]
    public void NoSection_MeansNoDevices()
        => Assert.Empty(Bind().Mqtt);

    [Theory]
    [InlineData("x y", "Devices:Mqtt:2:Id 'x y' is not a valid device id")]
    [InlineData("dev/1", "Devices:Mqtt:2:Id 'dev/1' is not a valid device id")]
    [InlineData("", "Devices:Mqtt:2:Id is missing")]
    public void BadId_NamesTheKey(string id, string message)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Bind(
            ("Devices:Mqtt:0:Id", "a"), ("Devices:Mqtt:0:PasswordSha256", Hash),
            ("Devices:Mqtt:1:Id", "b"), ("Devices:Mqtt:1:PasswordSha256", Hash),
            ("Devices:Mqtt:2:Id", id), ("Devices:Mqtt:2:PasswordSha256", Hash)));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateId_NamesBothKeys()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Bind(
            ("Devices:Mqtt:0:Id", "watch-1"), ("Devices:Mqtt:0:PasswordSha256", Hash),
            ("Devices:Mqtt:1:Id", "watch-1"), ("Devices:Mqtt:1:PasswordSha256", Hash)));

        Assert.Contains("Devices:Mqtt:1:Id 'watch-1' is already enrolled as Devices:Mqtt:0", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("pw")]
    [InlineData("D4A6C6E1B5F3C1B6E9C2B0C4B6E6B1C4D3A2B1C0D9E8F7A6B5C4D3E2F1A0B9C8")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg")]
    public void BadHash_NamesTheKey(string hash)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Bind(("Devices:Mqtt:0:Id", "watch-1"), ("Devices:Mqtt:0:PasswordSha256", hash)));

        Assert.Contains("Devices:Mqtt:0:PasswordSha256 must be 64 lower-case hex characters", ex.Message, StringComparison.Ordinal);
    }
}
