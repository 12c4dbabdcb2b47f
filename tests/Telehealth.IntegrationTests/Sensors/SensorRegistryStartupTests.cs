using System.Globalization;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Sensors;

/// <summary>The real gateway process refuses to start with a wrong wired-device entry, naming its key.</summary>
public sealed class SensorRegistryStartupTests
{
    public static TheoryData<string, string, string> WrongEntries() => new()
    {
        { "Devices__I2c__0__Address", "0xZZ", "Devices:I2c:0:Address '0xZZ' is not an I2C address" },
        { "Devices__I2c__0__Address", "0x99", "Devices:I2c:0:Address" },
        { "Devices__Gpio__0__Pin", "6", "Devices:Gpio:1:ClockPin 6 is already used by Devices:Gpio:0:Pin" },
        { "Devices__I2c__0__Kind", "", "Devices:I2c:0:Kind is missing" },
    };

    [Theory]
    [MemberData(nameof(WrongEntries))]
    public async Task Wrong_Entry_Stops_The_Gateway_Naming_The_Key(string key, string value, string expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var directory = Directory.CreateTempSubdirectory("th-registry-").FullName;
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["Urls"] = $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
                ["Gateway__Id"] = "gw-registry",
                ["Gateway__PatientId"] = "patient-registry",
                ["Mqtt__Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                ["Buffer__Path"] = Path.Combine(directory, "buffer.db"),
                ["Forwarder__IngestUrl"] = "http://127.0.0.1:9",
                ["Forwarder__Secret"] = "registry-test-secret-0123456789",
                ["Devices__I2c__0__Id"] = "knee-imu",
                ["Devices__I2c__0__Kind"] = "Mpu6050",
                ["Devices__Gpio__0__Id"] = "session-button",
                ["Devices__Gpio__0__Kind"] = "SessionButton",
                ["Devices__Gpio__0__Pin"] = "17",
                ["Devices__Gpio__1__Id"] = "grip-right",
                ["Devices__Gpio__1__Kind"] = "Hx711",
                ["Devices__Gpio__1__DataPin"] = "5",
                ["Devices__Gpio__1__ClockPin"] = "6",
            };
            environment[key] = value;
            await using var gateway = new ServiceProcess("gateway", RepoPaths.GatewayDll, environment, new Uri(environment["Urls"] + "/status"));

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => gateway.StartAsync(timeout.Token));

            Assert.Contains("exited with code", refused.Message, StringComparison.Ordinal);
            Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
