using Telehealth.Gateway.Devices.Gatt.Decoding;

namespace Telehealth.Gateway.Devices.Ble.Adapter;

/// <summary>A characteristic value received from a device, with the decoder for its characteristic.</summary>
internal sealed record BleValue(IGattDecoder Decoder, byte[] Value);
