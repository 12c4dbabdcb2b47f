namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>
/// The wired devices of this gateway: <c>Devices:I2c</c> and <c>Devices:Gpio</c>, beside <c>Devices:Mqtt</c> in the
/// same section. Validated at start by <see cref="SensorRegistryValidator"/>: a wrong entry stops the gateway naming
/// its key. Default: none (a gateway with only BLE and MQTT devices).
/// </summary>
public sealed class SensorRegistryOptions
{
    /// <summary>Configuration section (shared with the MQTT device list).</summary>
    public const string SectionName = "Devices";

    /// <summary>I2C sensors.</summary>
    public IList<I2cSensorEntry> I2c { get; } = [];

    /// <summary>GPIO devices.</summary>
    public IList<GpioDeviceEntry> Gpio { get; } = [];
}
