using System.Text.Json;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Sensors;

/// <summary>
/// The demo gateway process (the gateway's own composition, the real Iot.Device.Bindings on simulated I2C/GPIO chips
/// built from its device registry) with a real ingest and influxd: a scripted exercise's features arrive in InfluxDB
/// with the scripted values, a failing sensor is counted without stopping anything, and /status counts it all.
/// </summary>
public sealed class WiredSensorPipelineTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private Fixtures.Pipeline _pipeline = null!;

    public async Task InitializeAsync() => _pipeline = await Fixtures.Pipeline.StartAsync(withGateway: false);

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    /// <summary>The wired devices of a home kit: knee IMU, thermometer, pulse oximeter, grip, button, LED, buzzer.</summary>
    private static Dictionary<string, string> HomeKit() => new()
    {
        ["Devices__I2c__0__Id"] = "knee-imu",
        ["Devices__I2c__0__Kind"] = "Mpu6050",
        ["Devices__I2c__0__Address"] = "0x68",
        ["Devices__I2c__1__Id"] = "forehead-ir",
        ["Devices__I2c__1__Kind"] = "Mlx90614",
        ["Devices__I2c__2__Id"] = "finger-ox",
        ["Devices__I2c__2__Kind"] = "Max30102",
        ["Devices__I2c__2__WindowSeconds"] = "4",
        ["Devices__Gpio__0__Id"] = "grip-right",
        ["Devices__Gpio__0__Kind"] = "Hx711",
        ["Devices__Gpio__0__DataPin"] = "5",
        ["Devices__Gpio__0__ClockPin"] = "6",
        ["Devices__Gpio__1__Id"] = "session-button",
        ["Devices__Gpio__1__Kind"] = "SessionButton",
        ["Devices__Gpio__1__Pin"] = "17",
        ["Devices__Gpio__2__Id"] = "session-led",
        ["Devices__Gpio__2__Kind"] = "Led",
        ["Devices__Gpio__2__Pin"] = "27",
        ["Devices__Gpio__3__Id"] = "buzzer",
        ["Devices__Gpio__3__Kind"] = "Buzzer",
        ["Devices__Gpio__3__Pin"] = "22",
    };

    private static long Long(JsonElement device, string name) => device.GetProperty(name).GetInt64();

    [Fact]
    public async Task Knee_Flexion_Scenario_Features_Arrive_In_InfluxDb_With_The_Scripted_Values()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var settings = HomeKit();
        settings["Simulation__Cycles"] = "1";
        settings["Simulation__KneeRepetitions"] = "6";
        settings["Simulation__KneeFromDeg"] = "0";
        settings["Simulation__KneeToDeg"] = "90";
        settings["Simulation__KneeCadencePerMin"] = "30";
        settings["Simulation__KneeNoiseDeg"] = "2";
        settings["Simulation__GripPeakNewtons"] = "300";
        settings["Simulation__BodyTemperatureCelsius"] = "36.8";
        settings["Simulation__SpO2Percent"] = "95";
        settings["Simulation__PulseBpm"] = "66";
        await using var gateway = await DemoGateway.StartAsync(_pipeline, settings, timeout.Token);

        string[] metrics = ["repetitions", "range_of_motion", "cadence", "grip_force", "session_duration", "body_temperature", "spo2", "pulse_rate"];
        var points = await gateway.WaitForPointsAsync(metrics, timeout.Token);

        double Only(string metric, string device)
        {
            var point = Assert.Single(points, p => p.Metric == metric);
            Assert.Equal(device, point.Device);
            Assert.Equal(_pipeline.PatientId, point.Patient);
            return point.Values["value"];
        }

        // Tolerances of docs/sensors.md: repetitions exact, ROM ±5°, cadence ±10 %, grip ±2 %, temperature ±0.05 °C.
        Assert.Equal(6, Only("repetitions", "knee-imu"));
        Assert.InRange(Only("range_of_motion", "knee-imu"), 85, 95);
        Assert.InRange(Only("cadence", "knee-imu"), 27, 33);
        Assert.InRange(Only("grip_force", "grip-right"), 294, 306);
        Assert.InRange(Only("body_temperature", "forehead-ir"), 36.75, 36.85);
        // The session lasts at least the 12 s of scripted flexions (press to press).
        Assert.InRange(Only("session_duration", "session-button"), 12, 60);
        Assert.All(points.Where(p => p.Metric == "spo2"), p => Assert.InRange(p.Values["value"], 94, 96));
        Assert.All(points.Where(p => p.Metric == "pulse_rate"), p => Assert.InRange(p.Values["value"], 63, 69));

        var status = await gateway.WaitForStatusAsync(
            s => Long(DemoGateway.Device(s, "knee-imu"), "readingsAppended") == 3, "the knee's three features counted", timeout.Token);
        var sensors = status.GetProperty("adapters").GetProperty("sensors");
        Assert.Equal(0, sensors.GetProperty("failures").GetInt64());
        var knee = DemoGateway.Device(status, "knee-imu");
        Assert.Equal("running", knee.GetProperty("state").GetString());
        Assert.True(Long(knee, "reads") > 100, knee.ToString());
        Assert.Equal(1, Long(DemoGateway.Device(status, "grip-right"), "readingsAppended"));
        Assert.Equal(1, Long(DemoGateway.Device(status, "forehead-ir"), "readingsAppended"));
        Assert.Equal(1, Long(DemoGateway.Device(status, "session-button"), "readingsAppended"));
        Assert.Equal(2, Long(DemoGateway.Device(status, "session-button"), "reads"));
        Assert.True(Long(DemoGateway.Device(status, "finger-ox"), "readingsAppended") >= 2);
        Assert.False(sensors.GetProperty("sessionActive").GetBoolean());
    }

    [Fact]
    public async Task Failing_Sensors_Are_Counted_And_Retried_While_The_Others_Keep_Delivering()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var settings = HomeKit();
        settings["Devices__I2c__3__Id"] = "knee-imu-left";
        settings["Devices__I2c__3__Kind"] = "Mpu6050";
        settings["Devices__I2c__3__Address"] = "0x69";
        settings["Devices__I2c__3__RetryInitialSeconds"] = "0.2";
        settings["Devices__I2c__3__RetryMaxSeconds"] = "0.4";
        settings["Devices__Gpio__4__Id"] = "grip-left";
        settings["Devices__Gpio__4__Kind"] = "Hx711";
        settings["Devices__Gpio__4__DataPin"] = "23";
        settings["Devices__Gpio__4__ClockPin"] = "24";
        settings["Devices__Gpio__4__RetryInitialSeconds"] = "0.2";
        settings["Devices__Gpio__4__RetryMaxSeconds"] = "0.4";
        settings["Simulation__AbsentDevices__0"] = "knee-imu-left";
        settings["Simulation__AbsentDevices__1"] = "grip-left";
        settings["Simulation__Cycles"] = "1";
        settings["Simulation__KneeRepetitions"] = "2";
        settings["Simulation__KneeCadencePerMin"] = "30";
        settings["Simulation__BodyTemperatureCelsius"] = "37.4";
        await using var gateway = await DemoGateway.StartAsync(_pipeline, settings, timeout.Token);

        var first = await gateway.WaitForStatusAsync(
            s => Long(DemoGateway.Device(s, "knee-imu-left"), "failures") >= 2 && Long(DemoGateway.Device(s, "grip-left"), "failures") >= 2,
            "both absent sensors failing", timeout.Token);
        var points = await gateway.WaitForPointsAsync(["body_temperature", "repetitions"], timeout.Token);
        var later = await gateway.WaitForStatusAsync(
            s => Long(DemoGateway.Device(s, "knee-imu-left"), "failures") > Long(DemoGateway.Device(first, "knee-imu-left"), "failures"),
            "the absent IMU retried again", timeout.Token);

        Assert.True(gateway.Process.IsRunning);
        Assert.InRange(Assert.Single(points, p => p.Metric == "body_temperature").Values["value"], 37.35, 37.45);
        Assert.Equal(2, Assert.Single(points, p => p.Metric == "repetitions" && p.Device == "knee-imu").Values["value"]);
        foreach (var id in new[] { "knee-imu-left", "grip-left" })
        {
            var device = DemoGateway.Device(later, id);
            Assert.Equal("failing", device.GetProperty("state").GetString());
            Assert.Equal(0, Long(device, "reads"));
            Assert.Equal(0, Long(device, "readingsAppended"));
            Assert.False(string.IsNullOrEmpty(device.GetProperty("lastError").GetString()));
        }

        Assert.Equal("running", DemoGateway.Device(later, "knee-imu").GetProperty("state").GetString());
        Assert.Equal(0, Long(DemoGateway.Device(later, "knee-imu"), "failures"));
        Assert.True(later.GetProperty("adapters").GetProperty("sensors").GetProperty("failures").GetInt64()
            > first.GetProperty("adapters").GetProperty("sensors").GetProperty("failures").GetInt64());
        Assert.Contains("Sensor knee-imu-left bus error", gateway.Process.Log, StringComparison.Ordinal);
    }
}
