namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>A registry entry as the gateway will run it: its id, kind, bus and where it is wired (for logs and /status).</summary>
public sealed record PlannedDevice(string Id, string Kind, string Bus, string Wiring);
