using Telehealth.Gateway.Devices.Gatt.Decode;

namespace Telehealth.UnitTests.Devices.Gatt.Decode;

public sealed class HexBytesTests
{
    [Theory]
    [InlineData("06 48 00")]
    [InlineData("06:48:00")]
    [InlineData("064800")]
    [InlineData("0x064800")]
    [InlineData("0x06 0x48 0x00")]
    [InlineData("6 48 0")]
    [InlineData("06,48,00")]
    public void TryParse_AcceptedForms_GiveTheBytes(string text)
    {
        Assert.True(HexBytes.TryParse(text, out var bytes, out _));
        Assert.Equal([0x06, 0x48, 0x00], bytes);
    }

    [Theory]
    [InlineData("0g", "'g' in '0g' is not a hex digit")]
    [InlineData("064", "'064' has an odd number of hex digits")]
    [InlineData("0x", "'0x' has a 0x prefix but no digits")]
    public void TryParse_BadHex_GivesReason(string text, string reason)
    {
        Assert.False(HexBytes.TryParse(text, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void TryParse_Empty_GivesNoBytes()
    {
        Assert.True(HexBytes.TryParse("", out var bytes, out _));
        Assert.Empty(bytes);
    }
}
