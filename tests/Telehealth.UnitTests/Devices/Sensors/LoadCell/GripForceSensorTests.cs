using System.Device.Gpio;
using Telehealth.Gateway.Devices.Analytics;
using Telehealth.Gateway.Devices.Sensors.LoadCell;
using Telehealth.Simulators.Buses.Gpio;
using Telehealth.Simulators.Buses.Hx711;
using Telehealth.UnitTests.Devices.Sensors.Support;

namespace Telehealth.UnitTests.Devices.Sensors.LoadCell;

/// <summary>The adapter running the real Iot.Device.Bindings Hx711 bit-banging a simulated HX711.</summary>
public sealed class GripForceSensorTests
{
    private const int DataPin = 5;
    private const int ClockPin = 6;
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    [Theory]
    [InlineData(250.0, 21.5)]
    [InlineData(90.0, 21.5)]
    [InlineData(400.0, 48.0)]
    public async Task GripSqueeze_KnownForce_PeakWithinTwoPercent(double peakNewtons, double countsPerGram)
    {
        using var kit = new SensorTestKit();
        var driver = new SimulatedGpioDriver(kit.Time);
        var hx711 = new SimulatedHx711(kit.Time, DataPin, ClockPin, countsPerGram, zeroCounts: 12_345) { NoiseCounts = 40 };
        driver.Attach(hx711);
        using var controller = new GpioController(driver);
        using var sensor = NewSensor(kit, controller, countsPerGram);
        await sensor.PollOnceAsync(CancellationToken.None); // opens: the zero offset is taken with the cell unloaded

        kit.Sessions.Start();
        var squeeze = new GripSqueezeScript(peakNewtons, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
        hx711.Begin(squeeze, seed: 11);
        for (var t = TimeSpan.Zero; t < squeeze.Duration + TimeSpan.FromSeconds(1); t += Period)
        {
            kit.Time.Advance(Period);
            await sensor.PollOnceAsync(CancellationToken.None);
        }

        await kit.Sessions.StopAsync(CancellationToken.None);

        var grip = kit.Sink.Only(CatalogReadings.GripForce);
        Assert.Equal("N", grip.Unit);
        Assert.InRange(grip.Values["value"], peakNewtons * 0.98, peakNewtons * 1.02);
        Assert.Equal(1, hx711.LastGainPulses); // channel A, gain 128
        Assert.Equal(0, sensor.Health.BusErrors);
    }

    [Fact]
    public async Task Unplugged_DoutStaysHigh_NotReadyThenBusErrorThenResumes()
    {
        using var kit = new SensorTestKit();
        var driver = new SimulatedGpioDriver(kit.Time);
        var hx711 = new SimulatedHx711(kit.Time, DataPin, ClockPin) { RestNewtons = 0 };
        driver.Attach(hx711);
        using var controller = new GpioController(driver);
        using var sensor = NewSensor(kit, controller, 21.5);
        await sensor.PollOnceAsync(CancellationToken.None);

        hx711.Connected = false;
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 20; i++)
        {
            delays.Add(await sensor.PollOnceAsync(CancellationToken.None));
        }

        Assert.Equal(20, sensor.Health.NotReady);
        Assert.Equal(1, sensor.Health.BusErrors);
        Assert.Equal(TimeSpan.FromSeconds(1), delays[^1]);

        hx711.Connected = true;
        hx711.RestNewtons = 50;
        await sensor.PollOnceAsync(CancellationToken.None);

        Assert.InRange(sensor.LastNewtons!.Value, 49, 51);
        Assert.Equal(1, sensor.Health.Opens);
    }

    [Fact]
    public async Task Open_NoChipAtStart_BusErrorInsteadOfHanging()
    {
        using var kit = new SensorTestKit();
        var driver = new SimulatedGpioDriver(kit.Time);
        var hx711 = new SimulatedHx711(kit.Time, DataPin, ClockPin) { Connected = false };
        driver.Attach(hx711);
        using var controller = new GpioController(driver);
        using var sensor = NewSensor(kit, controller, 21.5);

        await sensor.PollOnceAsync(CancellationToken.None);

        Assert.False(sensor.IsOpen);
        Assert.Equal(1, sensor.Health.BusErrors);
        Assert.Contains("not ready", sensor.Health.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(DataPin, driver.OpenPins);
    }

    private static GripForceSensor NewSensor(SensorTestKit kit, GpioController controller, double countsPerGram)
        => new(
            new LoadCellOptions { DeviceId = "grip-left", DataPin = DataPin, ClockPin = ClockPin, CountsPerGram = countsPerGram },
            controller,
            kit.Sessions,
            kit.Sink,
            kit.Time,
            new ListLogger<GripForceSensor>());
}
