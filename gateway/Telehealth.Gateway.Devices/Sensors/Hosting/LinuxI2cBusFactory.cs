using System.Device.I2c;

namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>The real I2C buses: <c>/dev/i2c-N</c> through System.Device.Gpio.</summary>
public sealed class LinuxI2cBusFactory : II2cBusFactory
{
    /// <inheritdoc />
    public I2cDevice Open(int busId, int address) => I2cDevice.Create(new I2cConnectionSettings(busId, address));
}
