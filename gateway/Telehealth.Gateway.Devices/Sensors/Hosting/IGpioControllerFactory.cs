using System.Device.Gpio;

namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>
/// Creates the one <see cref="GpioController"/> all GPIO devices share. On a gateway
/// <see cref="SystemGpioControllerFactory"/> returns the board's controller (libgpiod / sysfs); a demo or test host
/// registers one over a simulated <see cref="GpioDriver"/>.
/// </summary>
public interface IGpioControllerFactory
{
    /// <summary>Creates the controller. The caller disposes it.</summary>
    GpioController Create();
}
