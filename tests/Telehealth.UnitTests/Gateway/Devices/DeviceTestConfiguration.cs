using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Devices;

namespace Telehealth.UnitTests.Gateway.Devices;

/// <summary>Binds and validates <see cref="DevicesOptions"/> from key/value configuration, as the gateway does at start.</summary>
internal static class DeviceTestConfiguration
{
    public static DevicesOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddOptions<DevicesOptions>().Bind(configuration.GetSection(DevicesOptions.SectionName)).ValidateDataAnnotations();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<DevicesOptions>>().Value;
    }

    public static string Sha256(string password)
        => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(password)));
}
