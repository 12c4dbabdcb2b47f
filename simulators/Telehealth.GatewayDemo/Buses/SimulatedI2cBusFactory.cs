using System.Device.I2c;
using Telehealth.Gateway.Devices.Sensors.Hosting;

namespace Telehealth.GatewayDemo.Buses;

/// <summary>The demo's I2C buses: the bench's simulated chips (the real bindings run on them unchanged).</summary>
public sealed class SimulatedI2cBusFactory(SimulatedBench bench) : II2cBusFactory
{
    /// <inheritdoc />
    public I2cDevice Open(int busId, int address) => bench.At(busId, address);
}
