using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Readings;
using Telehealth.Gateway.Devices.Analytics;

namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>Registers the wired sensors (I2C/GPIO) of the device registry.</summary>
public static class SensorServiceCollectionExtensions
{
    /// <summary>
    /// <c>Devices:I2c</c> and <c>Devices:Gpio</c> (validated at start, naming the wrong key), <c>EdgeAnalytics</c>, and
    /// the host that runs them. Buses: the real ones (<see cref="LinuxI2cBusFactory"/>,
    /// <see cref="SystemGpioControllerFactory"/>) unless the host registered its own <see cref="II2cBusFactory"/> /
    /// <see cref="IGpioControllerFactory"/> before calling this (the demo host registers simulated buses).
    /// Needs an <see cref="IReadingSink"/> and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IHostApplicationBuilder AddSensors(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SensorRegistryOptions>().Bind(builder.Configuration.GetSection(SensorRegistryOptions.SectionName)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SensorRegistryOptions>, SensorRegistryValidator>());
        builder.Services.AddOptions<EdgeAnalyticsOptions>().Bind(builder.Configuration.GetSection(EdgeAnalyticsOptions.SectionName))
            .ValidateDataAnnotations()
            .PostConfigure<IOptions<SensorRegistryOptions>>((analytics, registry) =>
            {
                // session_duration is reported under the session button's id.
                var button = registry.Value.Gpio.FirstOrDefault(g => g.Kind == GpioDeviceKind.SessionButton && !string.IsNullOrEmpty(g.Id));
                if (button is not null)
                {
                    analytics.SessionDeviceId = button.Id;
                }
            })
            .ValidateOnStart();
        builder.Services.TryAddSingleton<II2cBusFactory, LinuxI2cBusFactory>();
        builder.Services.TryAddSingleton<IGpioControllerFactory, SystemGpioControllerFactory>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new CountingReadingSink(sp.GetRequiredService<IReadingSink>()));
        builder.Services.AddSingleton<SensorHostService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SensorHostService>());
        return builder;
    }
}
