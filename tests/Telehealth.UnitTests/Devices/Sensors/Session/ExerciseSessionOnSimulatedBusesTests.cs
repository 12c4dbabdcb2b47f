using System.Device.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using Telehealth.Gateway.Devices.Analytics;
using Telehealth.Gateway.Devices.Sensors.Imu;
using Telehealth.Gateway.Devices.Sensors.LoadCell;
using Telehealth.Gateway.Devices.Sensors.Session;
using Telehealth.Simulators.Buses.Gpio;
using Telehealth.Simulators.Buses.Hx711;
using Telehealth.Simulators.Buses.Mpu6050;
using Telehealth.UnitTests.Devices.Sensors.Support;

namespace Telehealth.UnitTests.Devices.Sensors.Session;

/// <summary>A whole exercise session on the simulated buses: button, IMU, grip dynamometer, LED and buzzer.</summary>
public sealed class ExerciseSessionOnSimulatedBusesTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task ButtonKneeFlexionsAndSqueezeButton_AllFeaturesOnceAndFeedback()
    {
        SimulatedGpioDriver? driver = null;
        GpioController? controller = null;
        GpioSessionFeedback? feedback = null;
        var buttonOptions = new SessionButtonOptions();
        using var kit = new SensorTestKit(feedback: time =>
        {
            driver = new SimulatedGpioDriver(time);
            controller = new GpioController(driver);
            feedback = new GpioSessionFeedback(controller, buttonOptions, time);
            return feedback;
        });
        using var gpio = controller!;
        using var feedbackPins = feedback!;
        var hx711 = new SimulatedHx711(kit.Time, dataPin: 5, clockPin: 6);
        driver!.Attach(hx711);
        var imuChip = new SimulatedMpu6050(kit.Time);
        using var imu = new ImuJointAngleSensor(new ImuSensorOptions { DeviceId = "knee-imu" }, _ => imuChip, kit.Sessions, kit.Sink, kit.Time, NullLogger<ImuJointAngleSensor>.Instance);
        using var grip = new GripForceSensor(new LoadCellOptions { DeviceId = "grip" }, gpio, kit.Sessions, kit.Sink, kit.Time, NullLogger<GripForceSensor>.Instance);
        using var button = new SessionButton(gpio, buttonOptions, kit.Time);
        using var control = new SessionControlService(button, kit.Sessions, buttonOptions, kit.Time, NullLogger<SessionControlService>.Instance);
        button.Start();
        await imu.PollOnceAsync(CancellationToken.None);
        await grip.PollOnceAsync(CancellationToken.None);

        await PressAsync(driver, kit, control);
        var flexions = new KneeFlexionScript(8, 0, 100, 12, 2, seed: 21);
        imuChip.BeginMotion(flexions);
        for (var t = TimeSpan.Zero; t < flexions.Duration; t += Tick)
        {
            kit.Time.Advance(Tick);
            await imu.PollOnceAsync(CancellationToken.None);
        }

        var squeeze = new GripSqueezeScript(310, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(1));
        hx711.Begin(squeeze);
        for (var t = TimeSpan.Zero; t < squeeze.Duration; t += Tick * 5)
        {
            kit.Time.Advance(Tick * 5);
            await grip.PollOnceAsync(CancellationToken.None);
            await imu.PollOnceAsync(CancellationToken.None);
        }

        await PressAsync(driver, kit, control);

        Assert.False(kit.Sessions.IsActive);
        Assert.Equal(8, kit.Sink.Value(CatalogReadings.Repetitions));
        Assert.InRange(kit.Sink.Value(CatalogReadings.RangeOfMotion), 95, 105);
        Assert.InRange(kit.Sink.Value(CatalogReadings.Cadence), 12 * 0.9, 12 * 1.1);
        Assert.InRange(kit.Sink.Value(CatalogReadings.GripForce), 310 * 0.98, 310 * 1.02);
        Assert.InRange(kit.Sink.Value(CatalogReadings.SessionDuration), (flexions.Duration + squeeze.Duration).TotalSeconds - 1, (flexions.Duration + squeeze.Duration).TotalSeconds + 1);
        Assert.Equal(1, kit.Sink.Appends);
        Assert.Equal([PinValue.Low, PinValue.High, PinValue.Low], driver.Writes.Where(w => w.Pin == buttonOptions.SessionLedPin).Select(w => w.Value));
        Assert.Equal(PinValue.High, driver.OutputLevel(buttonOptions.CommitFeedbackPin!.Value));
    }

    private static async Task PressAsync(SimulatedGpioDriver driver, SensorTestKit kit, SessionControlService control)
    {
        driver.SetInput(17, PinValue.Low);
        kit.Time.Advance(TimeSpan.FromMilliseconds(100));
        driver.SetInput(17, PinValue.High);
        await control.HandlePendingAsync(CancellationToken.None);
    }
}
