using Telehealth.Gateway.Core;
using Telehealth.Gateway.Devices.Ble.Adapter;
using Telehealth.Gateway.Devices.Sensors.Hosting;
using Telehealth.Gateway.Status;

namespace Telehealth.Gateway;

/// <summary>
/// The gateway's composition, shared by <c>Program.cs</c> and the demo host (simulators/Telehealth.GatewayDemo), so the
/// demo runs exactly the gateway's services and differs only in the buses it registers.
/// </summary>
public static class GatewayApp
{
    /// <summary>
    /// Builds the gateway. <paramref name="registerBuses"/> runs before the adapters are added: a demo host registers its
    /// own <see cref="II2cBusFactory"/> and <see cref="IGpioControllerFactory"/> there (the defaults are the real buses).
    /// </summary>
    public static WebApplication Build(string[] args, Action<IHostApplicationBuilder>? registerBuses = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSystemd();
        registerBuses?.Invoke(builder);
        builder.AddGatewayIdentity();
        builder.AddReadingBuffer();
        builder.AddBleDevices();
        builder.AddSensors();
        builder.AddDeviceRegistry();
        builder.AddMqttDevices(); // Mqtt:Mode: Embedded (default) or External
        builder.AddForwarder();

        var app = builder.Build();
        app.MapGatewayStatus();
        return app;
    }
}
