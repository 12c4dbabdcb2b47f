#!/usr/bin/python3
"""BLE devices for the local demo, played on python-dbusmock's bluez5 template (no radio).

Usage: bluez-demo-devices.py BUS_ADDRESS [--duration SECONDS]

Waits for org.bluez (python3 -m dbusmock --system --template bluez5) on the private bus BUS_ADDRESS, adds adapter
hci0, a heart-rate strap (AA:BB:CC:DD:EE:01: Heart Rate service 0x180D, Heart Rate Measurement 0x2A37), a
thermometer (AA:BB:CC:DD:EE:02: Health Thermometer 0x1809, Temperature Measurement 0x2A1C) and a neighbour's
device that is not enrolled (AA:BB:CC:DD:EE:99). The template has no GATT, so GattService1/GattCharacteristic1
objects are added through org.freedesktop.DBus.Mock (InterfacesAdded emitted by hand), as
tests/Telehealth.IntegrationTests/Ble/ does. Then, once the gateway has subscribed (Notifying), the strap notifies
every second (60-90 /min) and the thermometer every 10 s (36.4-37.2 Cel), by updating the characteristic's Value.
Stops after --duration seconds (or on SIGTERM) and prints, as its last line: notified=N (values notified).
"""
import math
import signal
import sys
import time

import dbus

HELPER = 'org.telehealth.Demo'
HELPERS = {
    'AddGattService': ('oos', """
props = {'UUID': dbus.String(args[2]), 'Device': dbus.ObjectPath(args[1]), 'Primary': dbus.Boolean(True)}
self.AddObject(args[0], 'org.bluez.GattService1', props, [])
self.EmitSignal('org.freedesktop.DBus.ObjectManager', 'InterfacesAdded', 'oa{sa{sv}}', [dbus.ObjectPath(args[0]), {'org.bluez.GattService1': props}])
"""),
    'AddGattCharacteristic': ('oos', """
iface = 'org.bluez.GattCharacteristic1'
props = {'UUID': dbus.String(args[2]), 'Service': dbus.ObjectPath(args[1]), 'Value': dbus.Array([], signature='y'), 'Notifying': dbus.Boolean(False), 'Flags': dbus.Array(['read', 'notify'], signature='s')}
self.AddObject(args[0], iface, props, [
    ('ReadValue', 'a{sv}', 'ay', "ret = self.Get('org.bluez.GattCharacteristic1', 'Value')"),
    ('StartNotify', '', '', "self.UpdateProperties('org.bluez.GattCharacteristic1', {'Notifying': dbus.Boolean(True)})"),
    ('StopNotify', '', '', "self.UpdateProperties('org.bluez.GattCharacteristic1', {'Notifying': dbus.Boolean(False)})"),
])
self.EmitSignal('org.freedesktop.DBus.ObjectManager', 'InterfacesAdded', 'oa{sa{sv}}', [dbus.ObjectPath(args[0]), {iface: props}])
"""),
    'ResolveServices': ('o', """
objects[args[0]].UpdateProperties('org.bluez.Device1', {'ServicesResolved': dbus.Boolean(True)})
"""),
    'Notify': ('oay', """
objects[args[0]].UpdateProperties('org.bluez.GattCharacteristic1', {'Value': dbus.Array([dbus.Byte(b) for b in args[1]], signature='y')})
"""),
}


def uuid128(uuid16):
    return '0000%04x-0000-1000-8000-00805f9b34fb' % uuid16


def ieee11073_float(value, exponent=-2):
    mantissa = int(round(value / (10 ** exponent))) & 0xFFFFFF
    return [mantissa & 0xFF, (mantissa >> 8) & 0xFF, (mantissa >> 16) & 0xFF, exponent & 0xFF]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    duration = float(sys.argv[sys.argv.index('--duration') + 1]) if '--duration' in sys.argv else math.inf
    bus = dbus.bus.BusConnection(sys.argv[1])
    deadline = time.monotonic() + 20
    while not bus.name_has_owner('org.bluez'):
        if time.monotonic() > deadline:
            sys.exit('error: org.bluez did not appear on ' + sys.argv[1])
        time.sleep(0.1)
    root = bus.get_object('org.bluez', '/')
    for name, (signature, code) in HELPERS.items():
        root.AddMethod(HELPER, name, signature, '', code, dbus_interface='org.freedesktop.DBus.Mock')
    mock = dbus.Interface(root, 'org.bluez.Mock')
    helper = dbus.Interface(root, HELPER)
    mock.AddAdapter('hci0', 'telehealth-demo')
    characteristics = {}
    for address, alias, service, characteristic in [
            ('AA:BB:CC:DD:EE:01', 'demo heart-rate strap', 0x180D, 0x2A37),
            ('AA:BB:CC:DD:EE:02', 'demo thermometer', 0x1809, 0x2A1C)]:
        device = str(mock.AddDevice('hci0', address, alias))
        service_path = '%s/service%04x' % (device, service)
        char_path = service_path + '/char0001'
        helper.AddGattService(dbus.ObjectPath(service_path), dbus.ObjectPath(device), uuid128(service))
        helper.AddGattCharacteristic(dbus.ObjectPath(char_path), dbus.ObjectPath(service_path), uuid128(characteristic))
        helper.ResolveServices(dbus.ObjectPath(device))
        characteristics[characteristic] = char_path
    mock.AddDevice('hci0', 'AA:BB:CC:DD:EE:99', "neighbour's watch")

    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    signal.signal(signal.SIGINT, lambda *_: stopping.append(True))
    started = time.monotonic()
    notified = 0
    tick = 0
    def notifying(uuid16):
        props = dbus.Interface(bus.get_object('org.bluez', characteristics[uuid16]), 'org.freedesktop.DBus.Properties')
        return bool(props.Get('org.bluez.GattCharacteristic1', 'Notifying'))

    while not stopping and time.monotonic() - started < duration:
        # A value set before the gateway subscribed would reach nobody: only notify subscribed characteristics.
        if notifying(0x2A37):
            heart_rate = 75 + int(round(15 * math.sin(tick / 7.0)))
            helper.Notify(dbus.ObjectPath(characteristics[0x2A37]), dbus.Array([0x00, heart_rate], signature='y'))
            notified += 1
        if tick % 10 == 0 and notifying(0x2A1C):
            celsius = 36.8 + 0.4 * math.sin(tick / 30.0)
            helper.Notify(dbus.ObjectPath(characteristics[0x2A1C]), dbus.Array([0x00] + ieee11073_float(celsius), signature='y'))
            notified += 1
        tick += 1
        time.sleep(1)
    print('notified=%d' % notified, flush=True)


if __name__ == '__main__':
    main()
