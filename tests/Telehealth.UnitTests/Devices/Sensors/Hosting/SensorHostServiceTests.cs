using System.Device.Gpio;
using System.Device.I2c;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telehealth.Gateway.Devices.Analytics;
using Telehealth.Gateway.Devices.Sensors.Hosting;
using Telehealth.Simulators.Buses.Gpio;
using Telehealth.Simulators.Buses.Mlx90614;
using Telehealth.UnitTests.Devices.Sensors.Support;

namespace Telehealth.UnitTests.Devices.Sensors.Hosting;

public sealed class SensorHostServiceTests
{
    private sealed class MissingI2c : II2cBusFactory
    {
        public I2cDevice Open(int busId, int address) => throw new IOException($"Error 2: Can not open I2C device file '/dev/i2c-{busId}'.");
    }

    private sealed class BrokenGpio : IGpioControllerFactory
    {
        public GpioController Create() => throw new PlatformNotSupportedException("no GPIO chip on this machine");
    }

    private sealed class OneThermometer(SimulatedMlx90614 chip) : II2cBusFactory
    {
        public I2cDevice Open(int busId, int address) => chip;
    }

    private sealed class SimulatedGpio(SimulatedGpioDriver driver) : IGpioControllerFactory
    {
        public GpioController Create() => new(driver);
    }

    private static SensorHostService Host(SensorRegistryOptions registry, II2cBusFactory i2c, IGpioControllerFactory gpio, TimeProvider time, RecordingSink sink)
        => new(Options.Create(registry), Options.Create(new EdgeAnalyticsOptions()), new CountingReadingSink(sink), i2c, gpio, time, NullLoggerFactory.Instance);

    /// <summary>The sensors' loops run on the thread pool (BackgroundService): waits for their first poll, 10 s at most.</summary>
    private static async Task<SensorAdapterStatus> WaitForAsync(SensorHostService host, Func<SensorAdapterStatus, bool> condition)
    {
        for (var i = 0; i < 1000; i++)
        {
            var status = host.GetStatus();
            if (condition(status))
            {
                return status;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("the sensors never got there: " + string.Join("; ", host.GetStatus().Devices));
    }

    private static SensorRegistryOptions ThermometerButtonAndGrip()
    {
        var registry = new SensorRegistryOptions();
        registry.I2c.Add(new I2cSensorEntry { Id = "forehead-ir", Kind = I2cSensorKind.Mlx90614, SamplesPerMeasurement = 1 });
        registry.Gpio.Add(new GpioDeviceEntry { Id = "grip", Kind = GpioDeviceKind.Hx711, DataPin = 5, ClockPin = 6 });
        registry.Gpio.Add(new GpioDeviceEntry { Id = "button", Kind = GpioDeviceKind.SessionButton, Pin = 17 });
        registry.Gpio.Add(new GpioDeviceEntry { Id = "buzzer", Kind = GpioDeviceKind.Buzzer, Pin = 22 });
        return registry;
    }

    [Fact]
    public async Task StartAsync_NoBusesOnThisMachine_CountsEveryDeviceAsFailingOrUnavailableAndKeepsRunning()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        await using var host = Host(ThermometerButtonAndGrip(), new MissingI2c(), new BrokenGpio(), time, new RecordingSink());

        await host.StartAsync(CancellationToken.None);
        var status = await WaitForAsync(host, s => s.Devices.Any(d => d.Id == "forehead-ir" && d.Failures > 0));
        await host.StopAsync(CancellationToken.None);

        var thermometer = Assert.Single(status.Devices, d => d.Id == "forehead-ir");
        Assert.Equal(("failing", 1L, 0L), (thermometer.State, thermometer.Failures, thermometer.Reads));
        Assert.Contains("/dev/i2c-1", thermometer.LastError, StringComparison.Ordinal);
        foreach (var id in new[] { "grip", "button", "buzzer" })
        {
            var device = Assert.Single(status.Devices, d => d.Id == id);
            Assert.Equal("unavailable", device.State);
            Assert.Equal(1, device.Failures);
            Assert.Contains("no GPIO chip", device.LastError, StringComparison.Ordinal);
        }

        Assert.Equal(4, status.Failures);
    }

    [Fact]
    public async Task StartAsync_SimulatedThermometerAndBuzzer_AppendsTheReadingCountsItAndBeeps()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        var driver = new SimulatedGpioDriver(time);
        var chip = new SimulatedMlx90614 { AmbientCelsius = 22, ObjectCelsius = 36.6 };
        var registry = new SensorRegistryOptions();
        registry.I2c.Add(new I2cSensorEntry { Id = "forehead-ir", Kind = I2cSensorKind.Mlx90614, SamplesPerMeasurement = 1 });
        registry.Gpio.Add(new GpioDeviceEntry { Id = "buzzer", Kind = GpioDeviceKind.Buzzer, Pin = 22 });
        var sink = new RecordingSink();
        await using var host = Host(registry, new OneThermometer(chip), new SimulatedGpio(driver), time, sink);

        await host.StartAsync(CancellationToken.None);
        var status = await WaitForAsync(host, s => s.ReadingsAppended > 0);
        await host.StopAsync(CancellationToken.None);

        Assert.InRange(sink.Value(CatalogReadings.BodyTemperature), 36.55, 36.65); // 0.02 K per LSB
        var thermometer = Assert.Single(status.Devices, d => d.Id == "forehead-ir");
        Assert.Equal(("running", 1L, 1L, 0L), (thermometer.State, thermometer.Reads, thermometer.ReadingsAppended, thermometer.Failures));
        Assert.Equal("running", Assert.Single(status.Devices, d => d.Id == "buzzer").State);
        Assert.Contains(driver.Writes, w => w.Pin == 22 && w.Value == PinValue.High);
    }
}
