using Tmds.DBus.Protocol;

namespace Telehealth.Gateway.Devices.Ble.Adapter;

/// <summary>Which failures the adapter waits out and retries (BlueZ errors, a lost or refused bus, timeouts).</summary>
internal static class BleFailures
{
    /// <summary>
    /// True for D-Bus error replies and read errors (<see cref="DBusExceptionBase"/>), a bus connection that failed or
    /// closed (<see cref="DBusConnectionException"/>, which is not a <see cref="DBusExceptionBase"/>), BlueZ state we
    /// cannot use (<see cref="InvalidOperationException"/>) and timeouts.
    /// </summary>
    public static bool IsRetryable(Exception error)
        => error is DBusExceptionBase or DBusConnectionException or InvalidOperationException or TimeoutException;
}
