using System.Device.Gpio;
using Telehealth.Gateway.Devices.Sensors.Hosting;

namespace Telehealth.GatewayDemo.Buses;

/// <summary>The demo's GPIO controller: the bench's simulated driver.</summary>
public sealed class SimulatedGpioControllerFactory(SimulatedBench bench) : IGpioControllerFactory
{
    /// <inheritdoc />
    public GpioController Create() => new(bench.Gpio);
}
