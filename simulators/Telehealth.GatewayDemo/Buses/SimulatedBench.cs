using System.Device.Gpio;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Devices.Sensors.Hosting;
using Telehealth.GatewayDemo.Scenario;
using Telehealth.Simulators.Buses.Gpio;
using Telehealth.Simulators.Buses.Hx711;
using Telehealth.Simulators.Buses.I2c;
using Telehealth.Simulators.Buses.Max30102;
using Telehealth.Simulators.Buses.Mlx90614;
using Telehealth.Simulators.Buses.Mpu6050;

namespace Telehealth.GatewayDemo.Buses;

/// <summary>
/// The simulated hardware behind the demo gateway, built from the same device registry the gateway reads: one
/// simulated chip per <c>Devices:I2c</c> entry at its bus and address, one <see cref="SimulatedHx711"/> per load cell on
/// the simulated GPIO driver, the session button's input pin. Devices listed in <c>Simulation:AbsentDevices</c> are
/// wired but never answer (a failing sensor).
/// </summary>
public sealed class SimulatedBench
{
    private readonly Dictionary<(int Bus, int Address), SimulatedI2cDevice> _i2c = [];

    public SimulatedBench(IOptions<SensorRegistryOptions> registry, IOptions<ScenarioOptions> scenario, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(scenario);
        Time = time ?? throw new ArgumentNullException(nameof(time));
        Gpio = new SimulatedGpioDriver(time);
        var absent = new HashSet<string>(scenario.Value.AbsentDevices, StringComparer.Ordinal);
        var plan = SensorPlan.Create(registry.Value);
        foreach (var imu in plan.Imus)
        {
            var chip = new SimulatedMpu6050(time, imu.BusId, imu.Address);
            Imus.Add(chip);
            Place(imu.BusId, imu.Address, chip, absent.Contains(imu.DeviceId));
        }

        foreach (var thermometer in plan.Thermometers)
        {
            var chip = new SimulatedMlx90614(thermometer.BusId, thermometer.Address) { AmbientCelsius = scenario.Value.AmbientCelsius, ObjectCelsius = scenario.Value.AmbientCelsius };
            Thermometers.Add(chip);
            Place(thermometer.BusId, thermometer.Address, chip, absent.Contains(thermometer.DeviceId));
        }

        foreach (var oximeter in plan.PulseOximeters)
        {
            var chip = new SimulatedMax30102(time, oximeter.BusId, oximeter.Address);
            PulseOximeters.Add(chip);
            Place(oximeter.BusId, oximeter.Address, chip, absent.Contains(oximeter.DeviceId));
        }

        foreach (var grip in plan.Grips)
        {
            var cell = new SimulatedHx711(time, grip.DataPin, grip.ClockPin, grip.CountsPerGram) { Connected = !absent.Contains(grip.DeviceId) };
            Gpio.Attach(cell);
            Grips.Add(cell);
        }

        foreach (var board in plan.BalanceBoards)
        {
            var cells = new List<(SimulatedHx711 Cell, double XMm, double YMm)>();
            foreach (var options in board.Cells)
            {
                var cell = new SimulatedHx711(time, options.DataPin, options.ClockPin, options.CountsPerGram) { Connected = !absent.Contains(board.DeviceId) };
                Gpio.Attach(cell);
                cells.Add((cell, options.XMm, options.YMm));
            }

            BalanceBoards.Add(cells);
        }

        if (plan.SessionButtonId is not null)
        {
            ButtonPin = plan.Session.ButtonPin;
            ButtonActiveLow = plan.Session.ActiveLow;
            Gpio.SetInput(plan.Session.ButtonPin, ButtonActiveLow ? PinValue.High : PinValue.Low);
        }
    }

    public TimeProvider Time { get; }

    /// <summary>The GPIO driver every GPIO device of the demo is wired to.</summary>
    public SimulatedGpioDriver Gpio { get; }

    public IList<SimulatedMpu6050> Imus { get; } = [];

    public IList<SimulatedMlx90614> Thermometers { get; } = [];

    public IList<SimulatedMax30102> PulseOximeters { get; } = [];

    public IList<SimulatedHx711> Grips { get; } = [];

    /// <summary>Each board's cells with their positions (mm).</summary>
    public IList<IReadOnlyList<(SimulatedHx711 Cell, double XMm, double YMm)>> BalanceBoards { get; } = [];

    /// <summary>The session button's pin, or null without a button.</summary>
    public int? ButtonPin { get; }

    public bool ButtonActiveLow { get; }

    /// <summary>The simulated chip at <paramref name="address"/> on bus <paramref name="busId"/>.</summary>
    /// <exception cref="IOException">Nothing is wired there (as Linux reports a transfer to a missing device).</exception>
    public SimulatedI2cDevice At(int busId, int address)
        => _i2c.TryGetValue((busId, address), out var chip)
            ? chip
            : throw new IOException($"Error 121 (Remote I/O error): no simulated device at 0x{address:X2} on I2C bus {busId}");

    private void Place(int busId, int address, SimulatedI2cDevice chip, bool absent)
    {
        chip.Present = !absent;
        _i2c[(busId, address)] = chip;
    }
}
