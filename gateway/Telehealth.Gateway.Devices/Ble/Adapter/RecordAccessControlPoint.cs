namespace Telehealth.Gateway.Devices.Ble.Adapter;

/// <summary>The Record Access Control Point (0x2A52) commands the adapter sends.</summary>
public static class RecordAccessControlPoint
{
    /// <summary>The characteristic's 16-bit UUID.</summary>
    public const ushort Uuid = 0x2A52;

    /// <summary>Op code 0x01 "Report stored records", operator 0x01 "All records".</summary>
    public static ReadOnlyMemory<byte> ReportAllRecords { get; } = new byte[] { 0x01, 0x01 };

    /// <summary>Op code 0x06 "Response Code": the device's answer that ends a request (success or failure).</summary>
    public const byte ResponseCodeOpCode = 0x06;
}
