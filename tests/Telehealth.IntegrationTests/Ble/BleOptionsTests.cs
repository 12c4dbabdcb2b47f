using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Devices.Ble.Adapter;

namespace Telehealth.IntegrationTests.Ble;

/// <summary>The <c>Ble</c> section as the gateway host binds it through <see cref="BleServiceCollectionExtensions.AddBleDevices"/>.</summary>
public sealed class BleOptionsTests
{
    [Fact]
    public void AddBleDevices_ValidSection_BindsEnrolledDevices()
    {
        var options = Bind(new()
        {
            ["Ble:Devices:0:Id"] = "hr-strap-1",
            ["Ble:Devices:0:Address"] = "AA:BB:CC:DD:EE:01",
            ["Ble:Devices:1:Id"] = "scale-1",
            ["Ble:Devices:1:Address"] = "aa:bb:cc:dd:ee:02",
            ["Ble:ReconnectMaxDelay"] = "00:00:30",
        });

        Assert.Equal(["hr-strap-1", "scale-1"], options.Devices.Select(d => d.Id));
        Assert.Equal(TimeSpan.FromSeconds(30), options.ReconnectMaxDelay);
        Assert.True(options.FetchStoredRecords);
    }

    [Theory]
    [InlineData("Ble:Devices:1:Address", "AA-BB-CC-DD-EE-02", "Ble:Devices:1:Address 'AA-BB-CC-DD-EE-02' is not a Bluetooth address")]
    [InlineData("Ble:Devices:1:Address", "aa:bb:cc:dd:ee:01", "Ble:Devices:1:Address 'aa:bb:cc:dd:ee:01' is enrolled twice")]
    [InlineData("Ble:Devices:1:Id", "hr-strap-1", "Ble:Devices:1:Id 'hr-strap-1' is enrolled twice")]
    [InlineData("Ble:Devices:1:Id", "", "Ble:Devices:1:Id is required")]
    [InlineData("Ble:ReconnectInitialDelay", "00:00:00", "Ble:ReconnectInitialDelay must be positive")]
    [InlineData("Ble:ReconnectMaxDelay", "00:00:00.5", "Ble:ReconnectMaxDelay must be at least Ble:ReconnectInitialDelay")]
    public void AddBleDevices_BadKey_RefusesNamingTheKey(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ble:Devices:0:Id"] = "hr-strap-1",
            ["Ble:Devices:0:Address"] = "AA:BB:CC:DD:EE:01",
            ["Ble:Devices:1:Id"] = "scale-1",
            ["Ble:Devices:1:Address"] = "AA:BB:CC:DD:EE:02",
        };
        settings[key] = value;

        var error = Assert.Throws<OptionsValidationException>(() => Bind(settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static BleOptions Bind(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBleDevices();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<BleOptions>>().Value;
    }
}
