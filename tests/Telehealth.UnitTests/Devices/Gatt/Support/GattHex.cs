using Telehealth.Gateway.Devices.Gatt.Decode;

namespace Telehealth.UnitTests.Devices.Gatt.Support;

/// <summary>Hex test vectors to bytes.</summary>
public static class GattHex
{
    public static byte[] Bytes(string hex)
    {
        Assert.True(HexBytes.TryParse(hex, out var bytes, out var error), error);
        return bytes;
    }
}
