namespace Telehealth.Gateway.Devices.Ble.Adapter;

/// <summary>The BLE adapter: which bus, which devices are enrolled, how it reconnects (section <c>Ble</c>).</summary>
public sealed class BleOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Ble";

    /// <summary>
    /// The D-Bus address of the bus BlueZ is on. Default: <c>DBUS_SYSTEM_BUS_ADDRESS</c>, else
    /// <c>unix:path=/run/dbus/system_bus_socket</c>.
    /// </summary>
    public string? BusAddress { get; set; }

    /// <summary>The enrolled devices; the adapter connects to these addresses only.</summary>
    public IList<BleDeviceOptions> Devices { get; } = [];

    /// <summary>The first wait before reconnecting a lost device (or bus). Default 1 s.</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap of the doubling reconnect wait. Default 60 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait after Connect for BlueZ to resolve the device's services. Default 30 s.</summary>
    public TimeSpan ServicesResolvedTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After a reconnect, ask a device that has a Record Access Control Point (0x2A52) for its stored records.
    /// Default true.
    /// </summary>
    public bool FetchStoredRecords { get; set; } = true;
}
