namespace Telehealth.Gateway.Devices.Ble.BlueZ;

/// <summary>Where the system bus (and so BlueZ) is.</summary>
public static class BluezBusAddress
{
    /// <summary>The bus address used when none is configured.</summary>
    public const string DefaultSystemBus = "unix:path=/run/dbus/system_bus_socket";

    /// <summary>
    /// The configured address, else <c>DBUS_SYSTEM_BUS_ADDRESS</c> from the environment, else
    /// <see cref="DefaultSystemBus"/>.
    /// </summary>
    public static string Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS");
        return string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultSystemBus : fromEnvironment;
    }
}
