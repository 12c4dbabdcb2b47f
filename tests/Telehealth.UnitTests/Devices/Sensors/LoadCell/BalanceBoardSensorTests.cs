using System.Device.Gpio;
using Telehealth.Gateway.Devices.Analytics;
using Telehealth.Gateway.Devices.Sensors.LoadCell;
using Telehealth.Simulators.Buses.Gpio;
using Telehealth.Simulators.Buses.Hx711;
using Telehealth.UnitTests.Devices.Sensors.Support;

namespace Telehealth.UnitTests.Devices.Sensors.LoadCell;

public sealed class BalanceBoardSensorTests
{
    private static readonly (int Data, int Clock)[] Pins = [(5, 6), (13, 19), (20, 21), (23, 24)];
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(40);

    [Fact]
    public async Task QuietStance_KnownSway_PathWithinTwoPercentOfTruth()
    {
        using var kit = new SensorTestKit();
        var driver = new SimulatedGpioDriver(kit.Time);
        var board = new BalanceBoardScript(widthMm: 400, lengthMm: 300, bodyWeightNewtons: 700, amplitudeXMm: 10, amplitudeYMm: 8, frequencyHz: 0.3, duration: TimeSpan.FromSeconds(20));
        var cells = new SimulatedHx711[4];
        for (var i = 0; i < 4; i++)
        {
            cells[i] = new SimulatedHx711(kit.Time, Pins[i].Data, Pins[i].Clock, countsPerGram: 100, zeroCounts: 1000 * (i + 1));
            driver.Attach(cells[i]);
        }

        using var controller = new GpioController(driver);
        var options = new BalanceBoardOptions { DeviceId = "balance-board" };
        for (var i = 0; i < 4; i++)
        {
            var (x, y) = board.CellPosition(i);
            options.Cells.Add(new BalanceCellOptions { DataPin = Pins[i].Data, ClockPin = Pins[i].Clock, CountsPerGram = 100, XMm = x, YMm = y });
        }

        using var sensor = new BalanceBoardSensor(options, controller, kit.Sessions, kit.Sink, kit.Time, new ListLogger<BalanceBoardSensor>());
        await sensor.PollOnceAsync(CancellationToken.None); // zero offsets with the board empty

        kit.Sessions.Start();
        for (var i = 0; i < 4; i++)
        {
            cells[i].Begin(board.Cell(i));
        }

        var expectedPath = 0.0;
        (double X, double Y)? previous = null;
        var elapsed = TimeSpan.Zero;
        while (elapsed < board.Duration)
        {
            kit.Time.Advance(Period);
            elapsed += Period;
            await sensor.PollOnceAsync(CancellationToken.None);
            var truth = board.CentreOfPressure(elapsed);
            if (previous is { } p)
            {
                expectedPath += Math.Sqrt(((truth.X - p.X) * (truth.X - p.X)) + ((truth.Y - p.Y) * (truth.Y - p.Y)));
            }

            previous = truth;
            Assert.InRange(sensor.LastCentreOfPressure!.Value.X, truth.X - 0.5, truth.X + 0.5);
        }

        await kit.Sessions.StopAsync(CancellationToken.None);

        var sway = kit.Sink.Only(CatalogReadings.Sway);
        Assert.Equal("mm", sway.Unit);
        Assert.InRange(sway.Values["value"], expectedPath * 0.98, expectedPath * 1.02);
        Assert.InRange(sensor.LastTotalNewtons!.Value, 695, 705);
    }

    [Fact]
    public async Task EmptyBoard_BelowMinimumLoad_NoCentreOfPressure()
    {
        using var kit = new SensorTestKit();
        var driver = new SimulatedGpioDriver(kit.Time);
        var options = new BalanceBoardOptions { DeviceId = "balance-board" };
        foreach (var (data, clock) in Pins)
        {
            driver.Attach(new SimulatedHx711(kit.Time, data, clock) { RestNewtons = 5 });
            options.Cells.Add(new BalanceCellOptions { DataPin = data, ClockPin = clock, CountsPerGram = 21.5 });
        }

        using var controller = new GpioController(driver);
        using var sensor = new BalanceBoardSensor(options, controller, kit.Sessions, kit.Sink, kit.Time, new ListLogger<BalanceBoardSensor>());

        await sensor.PollOnceAsync(CancellationToken.None);

        Assert.Null(sensor.LastCentreOfPressure);
        Assert.Equal(1, sensor.Health.Samples);
    }

    [Fact]
    public void Options_CellWithInvalidPin_RefusesWithTheKey()
    {
        using var kit = new SensorTestKit();
        using var controller = new GpioController(new SimulatedGpioDriver(kit.Time));
        var options = new BalanceBoardOptions { DeviceId = "balance-board" };
        options.Cells.Add(new BalanceCellOptions { DataPin = 5, ClockPin = 6 });
        options.Cells.Add(new BalanceCellOptions { DataPin = 300, ClockPin = 7 });

        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(
            () => new BalanceBoardSensor(options, controller, kit.Sessions, kit.Sink, kit.Time, new ListLogger<BalanceBoardSensor>()));

        Assert.Contains("Sensors:BalanceBoard:Cells:1:DataPin", error.Message, StringComparison.Ordinal);
    }
}
