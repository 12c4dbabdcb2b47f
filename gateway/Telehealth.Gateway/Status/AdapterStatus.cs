using Telehealth.Gateway.Devices.Sensors.Hosting;

namespace Telehealth.Gateway.Status;

/// <summary>Per-adapter counters on <c>/status</c> (<c>adapters</c>).</summary>
public sealed record AdapterStatus(MqttAdapterStatus Mqtt, BleAdapterStatus Ble, SensorAdapterStatus Sensors);
