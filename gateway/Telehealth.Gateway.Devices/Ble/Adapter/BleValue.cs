using Telehealth.Gateway.Devices.Gatt.Decoding;

namespace Telehealth.Gateway.Devices.Ble.Adapter;

/// <summary>
/// A characteristic value received from a device, with the decoder for its characteristic; <paramref name="StoredRecord"/>
/// when it arrived while a stored-records request was outstanding.
/// </summary>
internal sealed record BleValue(IGattDecoder Decoder, byte[] Value, bool StoredRecord);
