namespace Telehealth.IntegrationTests.Ble;

/// <summary>
/// Python bodies of the helper methods the test bed adds to dbusmock's bluez5 template (which has no GATT): they run
/// inside the mock (with <c>dbus</c>, <c>objects</c>, <c>self</c> = the ObjectManager at "/", <c>args</c>).
/// </summary>
internal static class BluezMockScripts
{
    /// <summary>AddGattService(o path, o device, s uuid): a primary service object, announced by InterfacesAdded.</summary>
    public const string AddGattService = """
        props = {'UUID': dbus.String(args[2]), 'Device': dbus.ObjectPath(args[1]), 'Primary': dbus.Boolean(True)}
        self.AddObject(args[0], 'org.bluez.GattService1', props, [])
        self.EmitSignal('org.freedesktop.DBus.ObjectManager', 'InterfacesAdded', 'oa{sa{sv}}', [dbus.ObjectPath(args[0]), {'org.bluez.GattService1': props}])
        """;

    /// <summary>
    /// AddGattCharacteristic(o path, o service, s uuid, as flags): a characteristic with ReadValue, StartNotify,
    /// StopNotify and WriteValue (calls logged by dbusmock), announced by InterfacesAdded.
    /// </summary>
    public const string AddGattCharacteristic = """
        iface = 'org.bluez.GattCharacteristic1'
        props = {'UUID': dbus.String(args[2]), 'Service': dbus.ObjectPath(args[1]), 'Value': dbus.Array([], signature='y'), 'Notifying': dbus.Boolean(False), 'Flags': dbus.Array(args[3], signature='s')}
        self.AddObject(args[0], iface, props, [
            ('ReadValue', 'a{sv}', 'ay', "ret = self.Get('org.bluez.GattCharacteristic1', 'Value')"),
            ('StartNotify', '', '', "self.UpdateProperties('org.bluez.GattCharacteristic1', {'Notifying': dbus.Boolean(True)})"),
            ('StopNotify', '', '', "self.UpdateProperties('org.bluez.GattCharacteristic1', {'Notifying': dbus.Boolean(False)})"),
            ('WriteValue', 'aya{sv}', '', ''),
        ])
        self.EmitSignal('org.freedesktop.DBus.ObjectManager', 'InterfacesAdded', 'oa{sa{sv}}', [dbus.ObjectPath(args[0]), {iface: props}])
        """;

    /// <summary>Notify(o characteristic, ay value): sets Value, which BlueZ reports as PropertiesChanged.</summary>
    public const string Notify = """
        objects[args[0]].UpdateProperties('org.bluez.GattCharacteristic1', {'Value': dbus.Array([dbus.Byte(b) for b in args[1]], signature='y')})
        """;

    /// <summary>SetDeviceBool(o device, s property, b value): e.g. ServicesResolved, or Connected false (link lost).</summary>
    public const string SetDeviceBool = """
        device = objects[args[0]]
        if args[1] == 'Connected':
            device.connected = bool(args[2])
        device.UpdateProperties('org.bluez.Device1', {args[1]: dbus.Boolean(args[2])})
        """;

    /// <summary>
    /// RemoveDeviceTree(o device): like BlueZ when a device goes, removes its GATT objects and then the device, each
    /// announced by InterfacesRemoved.
    /// </summary>
    public const string RemoveDeviceTree = """
        device = args[0]
        paths = [device]
        for path in list(objects):
            if path.startswith(device + '/'):
                paths.append(path)
        paths.sort(key=len, reverse=True)
        for path in paths:
            interfaces = list(objects[path].props.keys())
            self.RemoveObject(path)
            self.EmitSignal('org.freedesktop.DBus.ObjectManager', 'InterfacesRemoved', 'oas', [dbus.ObjectPath(path), dbus.Array(interfaces, signature='s')])
        """;

    /// <summary>WriteCount(o characteristic) → u: how many WriteValue calls it has had.</summary>
    public const string WriteCount = """
        ret = dbus.UInt32(len(objects[args[0]].GetMethodCalls('WriteValue')))
        """;

    /// <summary>LastWrite(o characteristic) → ay: the value of its latest WriteValue call.</summary>
    public const string LastWrite = """
        calls = objects[args[0]].GetMethodCalls('WriteValue')
        ret = dbus.Array(calls[-1][1][0] if calls else [], signature='y')
        """;
}
