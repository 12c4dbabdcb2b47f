using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Devices.Gatt.Decoding;

namespace Telehealth.Gateway.Devices.Ble.Adapter;

/// <summary>Registers the BLE adapter.</summary>
public static class BleServiceCollectionExtensions
{
    /// <summary>
    /// The BLE adapter (section <c>Ble</c>, validated at start): options, counters, decoders and the hosted service.
    /// Needs an <see cref="Telehealth.Gateway.Core.Readings.IReadingSink"/> and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IHostApplicationBuilder AddBleDevices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<BleOptions>().Bind(builder.Configuration.GetSection(BleOptions.SectionName)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BleOptions>, BleOptionsValidator>());
        builder.Services.TryAddSingleton(_ => new GattDecoderRegistry()); // not by constructor: DI would pick the IEnumerable<IGattDecoder> one (empty)
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BleCounters>();
        builder.Services.AddHostedService<BleAdapterService>();
        return builder;
    }
}
