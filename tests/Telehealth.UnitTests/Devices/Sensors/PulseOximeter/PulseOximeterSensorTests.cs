using Telehealth.Gateway.Devices.Analytics;
using Telehealth.Gateway.Devices.Sensors.PulseOximeter;
using Telehealth.Simulators.Buses.Max30102;
using Telehealth.UnitTests.Devices.Sensors.Support;

namespace Telehealth.UnitTests.Devices.Sensors.PulseOximeter;

public sealed class PulseOximeterSensorTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task FingerOnSensor_TwoWindows_SpO2AndPulseReadings()
    {
        using var kit = new SensorTestKit();
        var chip = new SimulatedMax30102(kit.Time);
        chip.Begin(new PulseOximetryScript(96, 70, noiseCounts: 20, seed: 4));
        using var sensor = NewSensor(kit, chip);
        await sensor.PollOnceAsync(CancellationToken.None);

        for (var i = 0; i < 81; i++)
        {
            kit.Time.Advance(Period);
            await sensor.PollOnceAsync(CancellationToken.None);
        }

        var spo2 = kit.Sink.Readings.Where(r => r.Metric == CatalogReadings.Spo2).ToList();
        var pulse = kit.Sink.Readings.Where(r => r.Metric == CatalogReadings.PulseRate).ToList();
        Assert.Equal(2, spo2.Count);
        Assert.Equal(2, pulse.Count);
        Assert.All(spo2, r => Assert.Equal("%", r.Unit));
        Assert.All(pulse, r => Assert.Equal("/min", r.Unit));
        Assert.All(spo2, r => Assert.InRange(r.Values["value"], 95, 97));
        Assert.All(pulse, r => Assert.InRange(r.Values["value"], 67, 73));
        Assert.Equal(0, chip.SamplesLost);
    }

    [Fact]
    public async Task NoFinger_WindowsDiscarded_NoReadings()
    {
        using var kit = new SensorTestKit();
        var chip = new SimulatedMax30102(kit.Time) { FingerAbsent = true };
        using var sensor = NewSensor(kit, chip);
        await sensor.PollOnceAsync(CancellationToken.None);

        for (var i = 0; i < 41; i++)
        {
            kit.Time.Advance(Period);
            await sensor.PollOnceAsync(CancellationToken.None);
        }

        Assert.Empty(kit.Sink.Readings);
        Assert.Equal(1, sensor.WindowsDiscarded);
    }

    [Fact]
    public async Task WrongPartId_Max30100Answers_IdentityErrorNamesIt()
    {
        using var kit = new SensorTestKit();
        using var sensor = NewSensor(kit, new SimulatedMax30102(kit.Time, partId: 0x11));

        await sensor.PollOnceAsync(CancellationToken.None);

        Assert.False(sensor.IsOpen);
        Assert.Equal(1, sensor.Health.BusErrors);
        Assert.Contains("PART_ID 0x11, expected 0x15", sensor.Health.LastError, StringComparison.Ordinal);
        Assert.Contains("MAX30100", sensor.Health.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vanishes_ThenReturns_Reinitialised()
    {
        using var kit = new SensorTestKit();
        var chip = new SimulatedMax30102(kit.Time);
        chip.Begin(new PulseOximetryScript(96, 70));
        using var sensor = NewSensor(kit, chip);
        await sensor.PollOnceAsync(CancellationToken.None);

        chip.Present = false;
        kit.Time.Advance(Period);
        var delay = await sensor.PollOnceAsync(CancellationToken.None);
        chip.Present = true;
        kit.Time.Advance(delay);
        await sensor.PollOnceAsync(CancellationToken.None);

        Assert.Equal(1, sensor.Health.BusErrors);
        Assert.Equal(2, sensor.Health.Opens);
        Assert.Equal(0x03, chip.Peek(Max30102Registers.ModeConfig));
    }

    [Fact]
    public async Task LatePoll_FifoOverflowed_TheWindowWithTheHoleIsDiscarded()
    {
        using var kit = new SensorTestKit();
        var chip = new SimulatedMax30102(kit.Time);
        chip.Begin(new PulseOximetryScript(96, 70, noiseCounts: 20, seed: 4));
        using var sensor = NewSensor(kit, chip);

        await PollAsync(kit, sensor, 1 + 10); // 2 s into the first 8 s window
        kit.Time.Advance(TimeSpan.FromMilliseconds(500)); // the poll comes 500 ms late: 18 samples overwritten
        await PollAsync(kit, sensor, 35); // 9.5 s: a window without the hole is not full yet

        Assert.True(chip.SamplesLost > 0);
        Assert.Equal(1, sensor.WindowsDiscarded);
        Assert.DoesNotContain(kit.Sink.Readings, r => r.Metric == CatalogReadings.Spo2);

        await PollAsync(kit, sensor, 10);
        Assert.InRange(Assert.Single(kit.Sink.Readings, r => r.Metric == CatalogReadings.Spo2).Values["value"], 95, 97);
    }

    [Fact]
    public async Task StallBetweenPointerAndDataReads_SamplesLostThenAreDetected_AndTheWindowDiscarded()
    {
        using var kit = new SensorTestKit();
        var chip = new SimulatedMax30102(kit.Time);
        chip.Begin(new PulseOximetryScript(96, 70, noiseCounts: 20, seed: 4));
        var bus = new StallingI2cDevice(chip);
        using var sensor = new PulseOximeterSensor(
            new PulseOximeterOptions { DeviceId = "finger-ox" }, _ => bus, NoSessionFeedback.Instance, kit.Sink, kit.Time, new ListLogger<PulseOximeterSensor>());

        await PollAsync(kit, sensor, 1 + 10);
        // The pointers say 20 samples wait; the thread stalls 300 ms before reading them: the chip overwrites the oldest
        // 18, and popping the first sample clears OVF_COUNTER, so the loss shows only in the time the drain took.
        bus.StallBeforeNextRead(Max30102Registers.FifoData, () => kit.Time.Advance(TimeSpan.FromMilliseconds(300)));
        await PollAsync(kit, sensor, 1);
        kit.Time.Advance(TimeSpan.FromMilliseconds(100)); // the next poll comes early: no later overflow to give the hole away
        await sensor.PollOnceAsync(CancellationToken.None);
        await PollAsync(kit, sensor, 34); // 9.4 s: the window with the hole would be full by now, a new one is not

        Assert.True(chip.SamplesLost > 0);
        Assert.Equal(1, sensor.WindowsDiscarded);
        Assert.DoesNotContain(kit.Sink.Readings, r => r.Metric == CatalogReadings.Spo2);

        await PollAsync(kit, sensor, 10);
        Assert.InRange(Assert.Single(kit.Sink.Readings, r => r.Metric == CatalogReadings.Spo2).Values["value"], 95, 97);
    }

    /// <summary>Polls <paramref name="polls"/> times, the clock advancing one period before each poll but the first.</summary>
    private static async Task PollAsync(SensorTestKit kit, PulseOximeterSensor sensor, int polls)
    {
        for (var i = 0; i < polls; i++)
        {
            if (sensor.IsOpen)
            {
                kit.Time.Advance(Period);
            }

            await sensor.PollOnceAsync(CancellationToken.None);
        }
    }

    private static PulseOximeterSensor NewSensor(SensorTestKit kit, SimulatedMax30102 chip)
        => new(new PulseOximeterOptions { DeviceId = "finger-ox" }, _ => chip, NoSessionFeedback.Instance, kit.Sink, kit.Time, new ListLogger<PulseOximeterSensor>());
}
