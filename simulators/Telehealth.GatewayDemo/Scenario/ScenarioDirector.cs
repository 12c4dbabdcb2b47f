using System.Device.Gpio;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Devices.Sensors.Hosting;
using Telehealth.GatewayDemo.Buses;
using Telehealth.Simulators.Buses.Hx711;
using Telehealth.Simulators.Buses.Max30102;
using Telehealth.Simulators.Buses.Mpu6050;

namespace Telehealth.GatewayDemo.Scenario;

/// <summary>Plays <see cref="ScenarioOptions"/> on the simulated bench, in real time, as a citizen at home would.</summary>
public sealed class ScenarioDirector(
    SimulatedBench bench,
    SensorHostService sensors,
    IOptions<ScenarioOptions> options,
    ILogger<ScenarioDirector> logger) : BackgroundService
{
    private static readonly TimeSpan PressLength = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var scenario = options.Value;
        var time = bench.Time;
        var started = time.GetTimestamp();
        try
        {
            await WaitForSensorsAsync(scenario, stoppingToken);
            foreach (var oximeter in bench.PulseOximeters)
            {
                oximeter.Begin(new PulseOximetryScript(scenario.SpO2Percent, scenario.PulseBpm, noiseCounts: 5, seed: scenario.Seed));
            }

            var cycle = 0;
            while (!stoppingToken.IsCancellationRequested && (scenario.Cycles == 0 || cycle < scenario.Cycles) && CycleFits(scenario, started))
            {
                cycle++;
                await RunCycleAsync(scenario, cycle, stoppingToken);
                await Task.Delay(TimeSpan.FromSeconds(scenario.PauseSeconds), time, stoppingToken);
            }

            foreach (var oximeter in bench.PulseOximeters)
            {
                oximeter.FingerAbsent = true;
            }

            logger.Finished(cycle);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Gateway stopping.
        }
    }

    /// <summary>The length of one cycle: press, settle, the longest activity, settle, press, pause.</summary>
    private static TimeSpan CycleLength(ScenarioOptions scenario)
    {
        var knee = TimeSpan.FromSeconds(scenario.KneeRepetitions * 60 / scenario.KneeCadencePerMin);
        var grip = TimeSpan.FromSeconds(1.5 + scenario.GripHoldSeconds);
        var activity = new[] { knee, grip, TimeSpan.FromSeconds(scenario.PresenceSeconds) }.Max();
        return (2 * PressLength) + (2 * Settle) + activity + TimeSpan.FromSeconds(scenario.PauseSeconds);
    }

    private bool CycleFits(ScenarioOptions scenario, long started)
        => scenario.DurationSeconds == 0
            || bench.Time.GetElapsedTime(started) + CycleLength(scenario) <= TimeSpan.FromSeconds(scenario.DurationSeconds);

    private async Task WaitForSensorsAsync(ScenarioOptions scenario, CancellationToken cancellationToken)
    {
        var started = bench.Time.GetTimestamp();
        while (true)
        {
            var devices = sensors.GetStatus().Devices.Where(d => !scenario.AbsentDevices.Contains(d.Id)).ToList();
            var ready = devices.Count(d => d.State == "running");
            if ((devices.Count > 0 && ready == devices.Count) || bench.Time.GetElapsedTime(started).TotalSeconds > scenario.StartTimeoutSeconds)
            {
                logger.Ready(ready, devices.Count);
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), bench.Time, cancellationToken);
        }
    }

    private async Task RunCycleAsync(ScenarioOptions scenario, int cycle, CancellationToken cancellationToken)
    {
        var time = bench.Time;
        var seed = scenario.Seed + cycle;
        logger.CycleStarted(cycle, scenario.KneeRepetitions);
        await PressButtonAsync(cancellationToken);
        await Task.Delay(Settle, time, cancellationToken);

        var knee = new KneeFlexionScript(scenario.KneeRepetitions, scenario.KneeFromDeg, scenario.KneeToDeg, scenario.KneeCadencePerMin, scenario.KneeNoiseDeg, seed);
        var grip = new GripSqueezeScript(scenario.GripPeakNewtons, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(scenario.GripHoldSeconds), TimeSpan.FromSeconds(0.5));
        var presence = TimeSpan.FromSeconds(scenario.PresenceSeconds);
        var active = new[] { knee.Duration, grip.Duration, presence }.Max() + Settle;
        foreach (var imu in bench.Imus)
        {
            imu.BeginMotion(knee);
        }

        foreach (var cell in bench.Grips)
        {
            cell.Begin(grip, seed);
        }

        StandOnBoards(scenario, active);
        foreach (var thermometer in bench.Thermometers)
        {
            thermometer.ObjectCelsius = scenario.BodyTemperatureCelsius;
        }

        await Task.Delay(presence, time, cancellationToken);
        foreach (var thermometer in bench.Thermometers)
        {
            thermometer.ObjectCelsius = scenario.AmbientCelsius;
        }

        await Task.Delay(active - presence, time, cancellationToken);
        foreach (var imu in bench.Imus)
        {
            imu.EndMotion();
        }

        await PressButtonAsync(cancellationToken);
        logger.CycleDone(cycle);
    }

    private void StandOnBoards(ScenarioOptions scenario, TimeSpan duration)
    {
        foreach (var cells in bench.BalanceBoards)
        {
            var width = cells.Max(c => c.XMm) - cells.Min(c => c.XMm);
            var length = cells.Max(c => c.YMm) - cells.Min(c => c.YMm);
            var script = new BalanceBoardScript(width, length, scenario.BalanceWeightNewtons, scenario.SwayXMm, scenario.SwayYMm, scenario.SwayHz, duration);
            foreach (var (cell, x, y) in cells)
            {
                // The script numbers its corners front-left, front-right, back-left, back-right.
                var index = (x < 0, y > 0) switch
                {
                    (true, true) => 0,
                    (false, true) => 1,
                    (true, false) => 2,
                    _ => 3,
                };
                cell.Begin(script.Cell(index));
            }
        }
    }

    private async Task PressButtonAsync(CancellationToken cancellationToken)
    {
        if (bench.ButtonPin is not { } pin)
        {
            return;
        }

        var pressed = bench.ButtonActiveLow ? PinValue.Low : PinValue.High;
        var released = bench.ButtonActiveLow ? PinValue.High : PinValue.Low;
        bench.Gpio.SetInput(pin, pressed);
        await Task.Delay(PressLength, bench.Time, cancellationToken);
        bench.Gpio.SetInput(pin, released);
    }
}
