namespace Telehealth.Gateway.Devices.Ble.BlueZ;

/// <summary>An InterfacesRemoved signal: the object and the interfaces it lost.</summary>
public sealed record BluezRemoval(string Path, IReadOnlyList<string> Interfaces);
