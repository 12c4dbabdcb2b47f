namespace Telehealth.Gateway.Devices.Gatt.Decoding;

/// <summary>Decodes the value of one GATT characteristic. Implementations never throw: bad input is a failure result.</summary>
public interface IGattDecoder
{
    /// <summary>The characteristic's 16-bit UUID (e.g. 0x2A37).</summary>
    ushort Characteristic { get; }

    /// <summary>The characteristic's name in the GATT Specification Supplement (e.g. "Heart Rate Measurement").</summary>
    string Name { get; }

    /// <summary>Decodes a notified, indicated or read value.</summary>
    GattDecodeResult Decode(ReadOnlySpan<byte> value);
}
