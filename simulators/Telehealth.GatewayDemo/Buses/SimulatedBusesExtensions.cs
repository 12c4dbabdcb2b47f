using Telehealth.Gateway.Devices.Sensors.Hosting;
using Telehealth.GatewayDemo.Scenario;

namespace Telehealth.GatewayDemo.Buses;

/// <summary>Registers the simulated buses and the scenario that drives them.</summary>
public static class SimulatedBusesExtensions
{
    /// <summary>
    /// Simulated I2C/GPIO buses (replacing the real ones the gateway would open) and the scenario (section
    /// <c>Simulation</c>, validated at start). Call before the gateway's <c>AddSensors()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddSimulatedBuses(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ScenarioOptions>().Bind(builder.Configuration.GetSection(ScenarioOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SimulatedBench>();
        builder.Services.AddSingleton<II2cBusFactory, SimulatedI2cBusFactory>();
        builder.Services.AddSingleton<IGpioControllerFactory, SimulatedGpioControllerFactory>();
        builder.Services.AddHostedService<ScenarioDirector>();
        return builder;
    }
}
