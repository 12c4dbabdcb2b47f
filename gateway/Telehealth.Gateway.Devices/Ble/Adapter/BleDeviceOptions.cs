namespace Telehealth.Gateway.Devices.Ble.Adapter;

/// <summary>One enrolled BLE device (<c>Ble:Devices:n</c>).</summary>
public sealed class BleDeviceOptions
{
    /// <summary>The device's id on this gateway (the <c>device</c> of its readings).</summary>
    public string Id { get; set; } = "";

    /// <summary>The device's Bluetooth address, <c>AA:BB:CC:DD:EE:FF</c>.</summary>
    public string Address { get; set; } = "";
}
