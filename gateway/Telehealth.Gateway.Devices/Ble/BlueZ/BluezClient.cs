using Tmds.DBus.Protocol;

namespace Telehealth.Gateway.Devices.Ble.BlueZ;

/// <summary>
/// A small client for BlueZ over D-Bus: the object tree (ObjectManager), adapter discovery, device connection and
/// GATT characteristics (notify, write). One instance owns one bus connection.
/// </summary>
public sealed class BluezClient : IDisposable
{
    private readonly DBusConnection _connection;

    /// <summary>A client for BlueZ on the bus at <paramref name="busAddress"/> (see <see cref="BluezBusAddress"/>).</summary>
    public BluezClient(string busAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(busAddress);
        _connection = new DBusConnection(busAddress);
    }

    /// <summary>Opens the bus connection.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
        => await _connection.ConnectAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Completes when the bus connection is lost or disposed (with the reason, if any).</summary>
    public Task<Exception?> DisconnectedAsync() => _connection.DisconnectedAsync();

    /// <summary>ObjectManager.GetManagedObjects on BlueZ's root: every adapter, device, service and characteristic.</summary>
    public Task<IReadOnlyList<BluezObject>> GetManagedObjectsAsync(CancellationToken cancellationToken)
    {
        using var writer = _connection.GetMessageWriter();
        writer.WriteMethodCallHeader(BluezNames.Service, "/", BluezNames.ObjectManager, "GetManagedObjects");
        return _connection.CallMethodAsync(writer.CreateMessage(), BluezMessages.ReadManagedObjects).WaitAsync(cancellationToken);
    }

    /// <summary>Calls <paramref name="onAdded"/> for every InterfacesAdded signal. Dispose the result to stop.</summary>
    public ValueTask<IDisposable> WatchInterfacesAddedAsync(Action<BluezObject> onAdded)
    {
        ArgumentNullException.ThrowIfNull(onAdded);
        var rule = new MatchRule
        {
            Type = MessageType.Signal,
            Sender = BluezNames.Service,
            Interface = BluezNames.ObjectManager,
            Member = "InterfacesAdded",
        };
        return _connection.AddMatchAsync(rule, BluezMessages.ReadInterfacesAdded, (Notification<BluezObject> notification) =>
        {
            if (notification.HasValue)
            {
                onAdded(notification.Value);
            }
        }, false, ObserverFlags.None);
    }

    /// <summary>Calls <paramref name="onRemoved"/> for every InterfacesRemoved signal. Dispose the result to stop.</summary>
    public ValueTask<IDisposable> WatchInterfacesRemovedAsync(Action<BluezRemoval> onRemoved)
    {
        ArgumentNullException.ThrowIfNull(onRemoved);
        var rule = new MatchRule
        {
            Type = MessageType.Signal,
            Sender = BluezNames.Service,
            Interface = BluezNames.ObjectManager,
            Member = "InterfacesRemoved",
        };
        return _connection.AddMatchAsync(rule, BluezMessages.ReadInterfacesRemoved, (Notification<BluezRemoval> notification) =>
        {
            if (notification.HasValue)
            {
                onRemoved(notification.Value);
            }
        }, false, ObserverFlags.None);
    }

    /// <summary>
    /// Calls <paramref name="onChanged"/> for every PropertiesChanged signal of <paramref name="iface"/> on the object
    /// at <paramref name="path"/> (a device's Connected, a characteristic's Value). Dispose the result to stop.
    /// </summary>
    public ValueTask<IDisposable> WatchPropertiesAsync(string path, string iface, Action<BluezPropertiesChange> onChanged)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(iface);
        ArgumentNullException.ThrowIfNull(onChanged);
        var rule = new MatchRule
        {
            Type = MessageType.Signal,
            Sender = BluezNames.Service,
            Path = path,
            Interface = BluezNames.Properties,
            Member = "PropertiesChanged",
            Arg0 = iface,
        };
        return _connection.AddMatchAsync(rule, BluezMessages.ReadPropertiesChanged, (Notification<BluezPropertiesChange> notification) =>
        {
            if (notification.HasValue && notification.Value.Interface == iface)
            {
                onChanged(notification.Value);
            }
        }, false, ObserverFlags.None);
    }

    /// <summary>
    /// Calls <paramref name="onGone"/> when BlueZ leaves the bus (bluetoothd stopped or restarted: NameOwnerChanged
    /// of org.bluez to no owner). Dispose the result to stop.
    /// </summary>
    public ValueTask<IDisposable> WatchServiceGoneAsync(Action onGone)
    {
        ArgumentNullException.ThrowIfNull(onGone);
        var rule = new MatchRule
        {
            Type = MessageType.Signal,
            Sender = "org.freedesktop.DBus",
            Interface = "org.freedesktop.DBus",
            Member = "NameOwnerChanged",
            Arg0 = BluezNames.Service,
        };
        return _connection.AddMatchAsync(rule, BluezMessages.ReadNewOwner, (Notification<string> notification) =>
        {
            if (notification.HasValue && notification.Value.Length == 0)
            {
                onGone();
            }
        }, false, ObserverFlags.None);
    }

    /// <summary>Adapter1.SetDiscoveryFilter with Transport "le": discover Bluetooth Low Energy devices only.</summary>
    public Task SetLowEnergyDiscoveryFilterAsync(string adapterPath, CancellationToken cancellationToken)
    {
        using var writer = _connection.GetMessageWriter();
        writer.WriteMethodCallHeader(BluezNames.Service, adapterPath, BluezNames.Adapter, "SetDiscoveryFilter", "a{sv}");
        var filter = writer.WriteDictionaryStart();
        writer.WriteDictionaryEntryStart();
        writer.WriteString("Transport");
        writer.WriteVariantString("le");
        writer.WriteDictionaryEnd(filter);
        return _connection.CallMethodAsync(writer.CreateMessage()).WaitAsync(cancellationToken);
    }

    /// <summary>Adapter1.StartDiscovery.</summary>
    public Task StartDiscoveryAsync(string adapterPath, CancellationToken cancellationToken)
        => CallAsync(adapterPath, BluezNames.Adapter, "StartDiscovery", cancellationToken);

    /// <summary>Adapter1.StopDiscovery.</summary>
    public Task StopDiscoveryAsync(string adapterPath, CancellationToken cancellationToken)
        => CallAsync(adapterPath, BluezNames.Adapter, "StopDiscovery", cancellationToken);

    /// <summary>Device1.Connect.</summary>
    public Task ConnectDeviceAsync(string devicePath, CancellationToken cancellationToken)
        => CallAsync(devicePath, BluezNames.Device, "Connect", cancellationToken);

    /// <summary>Device1.Disconnect.</summary>
    public Task DisconnectDeviceAsync(string devicePath, CancellationToken cancellationToken)
        => CallAsync(devicePath, BluezNames.Device, "Disconnect", cancellationToken);

    /// <summary>GattCharacteristic1.StartNotify: values then arrive as PropertiesChanged on Value.</summary>
    public Task StartNotifyAsync(string characteristicPath, CancellationToken cancellationToken)
        => CallAsync(characteristicPath, BluezNames.GattCharacteristic, "StartNotify", cancellationToken);

    /// <summary>GattCharacteristic1.StopNotify.</summary>
    public Task StopNotifyAsync(string characteristicPath, CancellationToken cancellationToken)
        => CallAsync(characteristicPath, BluezNames.GattCharacteristic, "StopNotify", cancellationToken);

    /// <summary>GattCharacteristic1.WriteValue with a write request (acknowledged by the device).</summary>
    public Task WriteValueAsync(string characteristicPath, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        using var writer = _connection.GetMessageWriter();
        writer.WriteMethodCallHeader(BluezNames.Service, characteristicPath, BluezNames.GattCharacteristic, "WriteValue", "aya{sv}");
        writer.WriteArray(value.Span);
        var options = writer.WriteDictionaryStart();
        writer.WriteDictionaryEntryStart();
        writer.WriteString("type");
        writer.WriteVariantString("request");
        writer.WriteDictionaryEnd(options);
        return _connection.CallMethodAsync(writer.CreateMessage()).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private Task CallAsync(string path, string iface, string member, CancellationToken cancellationToken)
    {
        using var writer = _connection.GetMessageWriter();
        writer.WriteMethodCallHeader(BluezNames.Service, path, iface, member);
        return _connection.CallMethodAsync(writer.CreateMessage()).WaitAsync(cancellationToken);
    }
}
