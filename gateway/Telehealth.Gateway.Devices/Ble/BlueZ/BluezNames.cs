namespace Telehealth.Gateway.Devices.Ble.BlueZ;

/// <summary>BlueZ's D-Bus service and interface names.</summary>
public static class BluezNames
{
    /// <summary>The BlueZ service on the system bus.</summary>
    public const string Service = "org.bluez";

    /// <summary>org.bluez.Adapter1.</summary>
    public const string Adapter = "org.bluez.Adapter1";

    /// <summary>org.bluez.Device1.</summary>
    public const string Device = "org.bluez.Device1";

    /// <summary>org.bluez.GattService1.</summary>
    public const string GattService = "org.bluez.GattService1";

    /// <summary>org.bluez.GattCharacteristic1.</summary>
    public const string GattCharacteristic = "org.bluez.GattCharacteristic1";

    /// <summary>org.freedesktop.DBus.ObjectManager.</summary>
    public const string ObjectManager = "org.freedesktop.DBus.ObjectManager";

    /// <summary>org.freedesktop.DBus.Properties.</summary>
    public const string Properties = "org.freedesktop.DBus.Properties";
}
