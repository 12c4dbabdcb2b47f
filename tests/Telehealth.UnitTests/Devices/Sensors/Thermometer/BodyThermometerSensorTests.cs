using Iot.Device.Mlx90614;
using Telehealth.Gateway.Devices.Analytics;
using Telehealth.Gateway.Devices.Sensors.Thermometer;
using Telehealth.Simulators.Buses.Mlx90614;
using Telehealth.UnitTests.Devices.Sensors.Support;

namespace Telehealth.UnitTests.Devices.Sensors.Thermometer;

public sealed class BodyThermometerSensorTests
{
    [Theory]
    [InlineData(36.6)]
    [InlineData(38.45)]
    [InlineData(35.0)]
    public async Task Measure_SkinAtTemperature_OneReadingWithinFiveHundredths(double celsius)
    {
        using var kit = new SensorTestKit();
        var chip = new SimulatedMlx90614 { ObjectCelsius = celsius };
        using var sensor = NewSensor(kit, chip);

        await PollAsync(kit, sensor, times: 10);

        var reading = kit.Sink.Only(CatalogReadings.BodyTemperature);
        Assert.Equal("Cel", reading.Unit);
        Assert.Equal("forehead-ir", reading.DeviceId);
        Assert.InRange(reading.Values["value"], celsius - 0.05, celsius + 0.05);
        Assert.Equal(SensorTestKit.Start.AddSeconds(3).ToUnixTimeMilliseconds(), reading.DeviceTimeMs);
    }

    [Fact]
    public async Task Measure_StepsAwayAndComesBack_SecondReadingFromMedian()
    {
        using var kit = new SensorTestKit();
        var chip = new SimulatedMlx90614 { ObjectCelsius = 36.5 };
        using var sensor = NewSensor(kit, chip);
        await PollAsync(kit, sensor, times: 5);

        chip.ObjectCelsius = 23;
        await PollAsync(kit, sensor, times: 2);
        chip.ObjectCelsius = 37.2;
        await PollAsync(kit, sensor, times: 1);
        chip.ObjectCelsius = 31.0; // one sample while the forehead is still moving in
        await PollAsync(kit, sensor, times: 1);
        chip.ObjectCelsius = 37.3;
        await PollAsync(kit, sensor, times: 4);

        var values = kit.Sink.Readings.Select(r => r.Values["value"]).ToList();
        Assert.Equal(2, values.Count);
        Assert.InRange(values[1], 37.15, 37.25);
    }

    [Fact]
    public async Task PollOnce_NobodyInFront_NoReading()
    {
        using var kit = new SensorTestKit();
        var chip = new SimulatedMlx90614 { ObjectCelsius = 22.3 };
        using var sensor = NewSensor(kit, chip);

        await sensor.PollOnceAsync(CancellationToken.None);

        Assert.Empty(kit.Sink.Readings);
        Assert.Equal(22.3, sensor.LastCelsius!.Value, 1);
        Assert.Equal(1, sensor.Health.Samples);
    }

    [Fact]
    public async Task PollOnce_Unplugged_CountedThenResumes()
    {
        using var kit = new SensorTestKit();
        var chip = new SimulatedMlx90614 { ObjectCelsius = 36.6, Present = false };
        using var sensor = NewSensor(kit, chip);

        var delay = await sensor.PollOnceAsync(CancellationToken.None);
        Assert.Equal(1, sensor.Health.BusErrors);
        Assert.Empty(kit.Sink.Readings);

        chip.Present = true;
        kit.Time.Advance(delay);
        await PollAsync(kit, sensor, times: 3);

        Assert.Single(kit.Sink.Readings);
    }

    [Fact]
    public async Task Measure_BufferFull_CountedAsSinkErrorAndMeasuredAgain()
    {
        using var kit = new SensorTestKit();
        kit.Sink.Refuse = true;
        using var sensor = NewSensor(kit, new SimulatedMlx90614 { ObjectCelsius = 36.6 });

        await PollAsync(kit, sensor, times: 3);
        var delay = await sensor.PollOnceAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(1), delay);
        Assert.Equal(1, sensor.Health.SinkErrors);
        Assert.Equal(0, sensor.Health.BusErrors);
        Assert.True(sensor.IsOpen);

        kit.Sink.Refuse = false;
        await PollAsync(kit, sensor, times: 2);

        Assert.Single(kit.Sink.Readings);
    }

    [Fact]
    public void Binding_ReadsAmbientWord_LittleEndianTwoHundredthsKelvin()
    {
        using var binding = new Mlx90614(new SimulatedMlx90614 { AmbientCelsius = 21.5 });
        // One LSB is 0.02 K: 21.5 °C is between two codes.
        Assert.InRange(binding.ReadAmbientTemperature().DegreesCelsius, 21.48, 21.52);
    }

    private static async Task PollAsync(SensorTestKit kit, BodyThermometerSensor sensor, int times)
    {
        for (var i = 0; i < times; i++)
        {
            kit.Time.Advance(TimeSpan.FromSeconds(1));
            await sensor.PollOnceAsync(CancellationToken.None);
        }
    }

    private static BodyThermometerSensor NewSensor(SensorTestKit kit, SimulatedMlx90614 chip)
        => new(new ThermometerOptions { DeviceId = "forehead-ir" }, _ => chip, NoSessionFeedback.Instance, kit.Sink, kit.Time, new ListLogger<BodyThermometerSensor>());
}
