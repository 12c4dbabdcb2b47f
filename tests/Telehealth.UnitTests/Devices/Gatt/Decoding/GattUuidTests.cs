using Telehealth.Gateway.Devices.Gatt.Decoding;

namespace Telehealth.UnitTests.Devices.Gatt.Decoding;

public sealed class GattUuidTests
{
    [Theory]
    [InlineData("2a37")]
    [InlineData("2A37")]
    [InlineData("0x2A37")]
    [InlineData("0X2a37")]
    [InlineData("00002a37")]
    [InlineData("00002a37-0000-1000-8000-00805f9b34fb")]
    [InlineData("00002A37-0000-1000-8000-00805F9B34FB")]
    [InlineData("{00002a37-0000-1000-8000-00805f9b34fb}")]
    [InlineData(" 2a37 ")]
    public void TryParse_AcceptedForms_GiveTheShortUuid(string text)
    {
        Assert.True(GattUuid.TryParse(text, out var uuid16));
        Assert.Equal(0x2A37, uuid16);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2a3")]
    [InlineData("xyz1")]
    [InlineData("00012a37")]
    [InlineData("00002a37-0000-1000-8000-00805f9b34fc")]
    [InlineData("12342a37-0000-1000-8000-00805f9b34fb")]
    public void TryParse_OtherText_IsRejected(string? text)
    {
        Assert.False(GattUuid.TryParse(text, out _));
    }

    [Fact]
    public void ToGuid_ShortUuid_IsOnTheBluetoothBase()
    {
        Assert.Equal(new Guid("00002a37-0000-1000-8000-00805f9b34fb"), GattUuid.ToGuid(0x2A37));
        Assert.Equal("0x2A37", GattUuid.Format(0x2A37));
    }
}
