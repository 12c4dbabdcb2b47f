using Telehealth.Gateway.Devices.Sensors.Hosting;
using Telehealth.Gateway.Devices.Sensors.LoadCell;

namespace Telehealth.UnitTests.Devices.Sensors.Hosting;

public sealed class SensorPlanTests
{
    private static SensorRegistryOptions HomeKit()
    {
        var registry = new SensorRegistryOptions();
        registry.I2c.Add(new I2cSensorEntry { Id = "knee-imu", Kind = I2cSensorKind.Mpu6050, Address = "0x69", SampleHz = 100, MountingOffsetDeg = 90, InvertAngle = true });
        registry.I2c.Add(new I2cSensorEntry { Id = "forehead-ir", Kind = I2cSensorKind.Mlx90614, Bus = 3, SamplesPerMeasurement = 5 });
        registry.I2c.Add(new I2cSensorEntry { Id = "finger-ox", Kind = I2cSensorKind.Max30102, Address = "87", WindowSeconds = 4 });
        registry.Gpio.Add(new GpioDeviceEntry { Id = "grip-right", Kind = GpioDeviceKind.Hx711, DataPin = 5, ClockPin = 6, CountsPerGram = 20 });
        registry.Gpio.Add(new GpioDeviceEntry { Id = "button", Kind = GpioDeviceKind.SessionButton, Pin = 17, ActiveLow = false, DebounceMs = 30 });
        registry.Gpio.Add(new GpioDeviceEntry { Id = "led", Kind = GpioDeviceKind.Led, Pin = 27 });
        registry.Gpio.Add(new GpioDeviceEntry { Id = "buzzer", Kind = GpioDeviceKind.Buzzer, Pin = 22, PulseMs = 300 });
        return registry;
    }

    [Fact]
    public void Create_HomeKit_MapsEveryEntryToItsAdapterOptions()
    {
        var plan = SensorPlan.Create(HomeKit());

        Assert.Empty(plan.Errors);
        var imu = Assert.Single(plan.Imus);
        Assert.Equal(("knee-imu", 1, 0x69, 90.0, true), (imu.DeviceId, imu.BusId, imu.Address, imu.MountingOffsetDeg, imu.InvertAngle));
        Assert.Equal(TimeSpan.FromMilliseconds(10), imu.SamplePeriod);
        var thermometer = Assert.Single(plan.Thermometers);
        Assert.Equal((3, 0x5A, 5), (thermometer.BusId, thermometer.Address, thermometer.SamplesPerMeasurement));
        Assert.Equal(TimeSpan.FromSeconds(1), thermometer.SamplePeriod);
        var oximeter = Assert.Single(plan.PulseOximeters);
        Assert.Equal((0x57, TimeSpan.FromSeconds(4)), (oximeter.Address, oximeter.Window));
        var grip = Assert.Single(plan.Grips);
        Assert.Equal(("grip-right", 5, 6, 20.0), (grip.DeviceId, grip.DataPin, grip.ClockPin, grip.CountsPerGram));
        Assert.Equal("button", plan.SessionButtonId);
        Assert.Equal((17, false, 27, 22), (plan.Session.ButtonPin, plan.Session.ActiveLow, plan.Session.SessionLedPin!.Value, plan.Session.CommitFeedbackPin!.Value));
        Assert.Equal(TimeSpan.FromMilliseconds(30), plan.Session.Debounce);
        Assert.Equal(TimeSpan.FromMilliseconds(300), plan.Session.CommitPulse);
        Assert.True(plan.NeedsGpio);
        Assert.Equal(["knee-imu", "forehead-ir", "finger-ox", "grip-right", "button", "led", "buzzer"], plan.Devices.Select(d => d.Id));
    }

    [Fact]
    public void Create_NoEntries_PlansNothingAndNeedsNoGpio()
    {
        var plan = SensorPlan.Create(new SensorRegistryOptions());

        Assert.Empty(plan.Errors);
        Assert.Empty(plan.Devices);
        Assert.False(plan.NeedsGpio);
        Assert.Null(plan.Session.SessionLedPin);
        Assert.Null(plan.Session.CommitFeedbackPin);
    }

    public static TheoryData<string, string> WrongEntries() => new()
    {
        { "missing id", "Devices:I2c:0:Id is missing" },
        { "duplicate id", "Devices:Gpio:0:Id 'knee-imu' is already used by Devices:I2c:0" },
        { "missing kind", "Devices:I2c:0:Kind is missing" },
        { "bad address", "Devices:I2c:0:Address 'sixty-eight' is not an I2C address" },
        { "address out of range", "Devices:I2c:0:Address: " },
        { "bus out of range", "Devices:I2c:0:Bus: " },
        { "gyro weight out of range", "Devices:I2c:0:GyroWeight: " },
        { "same address twice", "Devices:I2c:1:Address 0x68 on bus 1 is already used by Devices:I2c:0" },
        { "pin twice", "Devices:Gpio:1:Pin 6 is already used by Devices:Gpio:0:ClockPin" },
        { "cell pin twice", "Devices:Gpio:1:Cells:1:DataPin 13 is already used by Devices:Gpio:1:Cells:0:ClockPin" },
        { "hx711 without pins", "Devices:Gpio:0:DataPin is missing" },
        { "two buttons", "Devices:Gpio:1:Kind SessionButton: only one session button is supported" },
        { "led without pin", "Devices:Gpio:0:Pin is missing" },
        { "sample rate zero", "Devices:Gpio:0:SampleHz 0 is outside 0.01-1000" },
        { "negative retry", "Devices:I2c:0:RetryInitialSeconds -1 must be a positive number of seconds" },
    };

    [Theory]
    [MemberData(nameof(WrongEntries))]
    public void Create_WrongEntry_ReportsTheKey(string wrong, string expected)
    {
        var registry = new SensorRegistryOptions();
        var imu = new I2cSensorEntry { Id = "knee-imu", Kind = I2cSensorKind.Mpu6050 };
        var grip = new GpioDeviceEntry { Id = "grip", Kind = GpioDeviceKind.Hx711, DataPin = 5, ClockPin = 6 };
        switch (wrong)
        {
            case "missing id": imu.Id = ""; registry.I2c.Add(imu); break;
            case "duplicate id": registry.I2c.Add(imu); grip.Id = "knee-imu"; registry.Gpio.Add(grip); break;
            case "missing kind": imu.Kind = null; registry.I2c.Add(imu); break;
            case "bad address": imu.Address = "sixty-eight"; registry.I2c.Add(imu); break;
            case "address out of range": imu.Address = "0x78"; registry.I2c.Add(imu); break;
            case "bus out of range": imu.Bus = 256; registry.I2c.Add(imu); break;
            case "gyro weight out of range": imu.GyroWeight = 1.5; registry.I2c.Add(imu); break;
            case "same address twice":
                registry.I2c.Add(imu);
                registry.I2c.Add(new I2cSensorEntry { Id = "knee-imu-2", Kind = I2cSensorKind.Mpu6050, Address = "104" });
                break;
            case "pin twice": registry.Gpio.Add(grip); registry.Gpio.Add(new GpioDeviceEntry { Id = "led", Kind = GpioDeviceKind.Led, Pin = 6 }); break;
            case "cell pin twice":
                registry.Gpio.Add(grip);
                var board = new GpioDeviceEntry { Id = "board", Kind = GpioDeviceKind.BalanceBoard };
                board.Cells.Add(new BalanceCellOptions { DataPin = 12, ClockPin = 13 });
                board.Cells.Add(new BalanceCellOptions { DataPin = 13, ClockPin = 14 });
                registry.Gpio.Add(board);
                break;
            case "hx711 without pins": grip.DataPin = null; registry.Gpio.Add(grip); break;
            case "two buttons":
                registry.Gpio.Add(new GpioDeviceEntry { Id = "b1", Kind = GpioDeviceKind.SessionButton, Pin = 17 });
                registry.Gpio.Add(new GpioDeviceEntry { Id = "b2", Kind = GpioDeviceKind.SessionButton, Pin = 18 });
                break;
            case "led without pin": registry.Gpio.Add(new GpioDeviceEntry { Id = "led", Kind = GpioDeviceKind.Led }); break;
            case "sample rate zero": grip.SampleHz = 0; registry.Gpio.Add(grip); break;
            case "negative retry": imu.RetryInitialSeconds = -1; registry.I2c.Add(imu); break;
            default: throw new ArgumentOutOfRangeException(nameof(wrong));
        }

        var plan = SensorPlan.Create(registry);

        Assert.Contains(plan.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
        Assert.False(new SensorRegistryValidator().Validate(null, registry).Succeeded);
    }

    [Theory]
    [InlineData("0x68", 0x68)]
    [InlineData("0X5a", 0x5A)]
    [InlineData("87", 87)]
    [InlineData(" 0x57 ", 0x57)]
    public void TryParseAddress_HexOrDecimal_Parses(string text, int expected)
    {
        Assert.True(SensorPlan.TryParseAddress(text, out var address));
        Assert.Equal(expected, address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("-5")]
    [InlineData("0x1G")]
    [InlineData("sixty")]
    public void TryParseAddress_Garbage_Refuses(string text) => Assert.False(SensorPlan.TryParseAddress(text, out _));
}
