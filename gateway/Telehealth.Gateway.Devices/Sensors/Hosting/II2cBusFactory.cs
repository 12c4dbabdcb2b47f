using System.Device.I2c;

namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>
/// Opens I2C devices for the sensor adapters. On a gateway <see cref="LinuxI2cBusFactory"/> opens <c>/dev/i2c-N</c>;
/// a demo or test host registers one backed by simulated chips instead, and the same bindings run on top of it.
/// </summary>
public interface II2cBusFactory
{
    /// <summary>Opens the device at <paramref name="address"/> on bus <paramref name="busId"/>. The caller disposes it.</summary>
    /// <exception cref="IOException">The bus or the device cannot be reached.</exception>
    I2cDevice Open(int busId, int address);
}
