using System.Device.Gpio;

namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>The board's GPIO controller, with the driver System.Device.Gpio picks for it.</summary>
public sealed class SystemGpioControllerFactory : IGpioControllerFactory
{
    /// <inheritdoc />
    public GpioController Create() => new();
}
