using System.ComponentModel.DataAnnotations;

namespace Telehealth.GatewayDemo.Scenario;

/// <summary>
/// The scripted exercise the demo's simulated citizen does, section <c>Simulation</c>. Each cycle: press the session
/// button, do <see cref="KneeRepetitions"/> knee flexions on every IMU while squeezing every grip dynamometer once,
/// stand on every balance board, hold the forehead in front of every thermometer for <see cref="PresenceSeconds"/>,
/// press the button again, rest <see cref="PauseSeconds"/>. A finger stays on every pulse oximeter throughout.
/// </summary>
public sealed class ScenarioOptions
{
    public const string SectionName = "Simulation";

    /// <summary>Seed of every script's noise (cycle n uses Seed + n). Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Exercise cycles to run; 0 = until the gateway stops. Default 0.</summary>
    [Range(0, 1_000_000)]
    public int Cycles { get; set; }

    /// <summary>
    /// Seconds after which the citizen stops (0 = never): no cycle starts that would not end by then, and the finger
    /// leaves the pulse oximeters, so the kit is quiet when a timed demo sums up. Default 0.
    /// </summary>
    [Range(0.0, 1e7)]
    public double DurationSeconds { get; set; }

    /// <summary>Longest wait for the sensors to open before the first cycle, seconds. Default 30.</summary>
    [Range(0.0, 600.0)]
    public double StartTimeoutSeconds { get; set; } = 30;

    /// <summary>Rest between cycles, seconds. Default 5.</summary>
    [Range(0.0, 3600.0)]
    public double PauseSeconds { get; set; } = 5;

    /// <summary>Knee flexions per cycle. Default 8.</summary>
    [Range(0, 1000)]
    public int KneeRepetitions { get; set; } = 8;

    /// <summary>Knee angle at rest, degrees. Default 0.</summary>
    [Range(-30.0, 180.0)]
    public double KneeFromDeg { get; set; }

    /// <summary>Knee angle at the top of a flexion, degrees. Default 90.</summary>
    [Range(-30.0, 180.0)]
    public double KneeToDeg { get; set; } = 90;

    /// <summary>Flexions per minute. Default 20.</summary>
    [Range(1.0, 120.0)]
    public double KneeCadencePerMin { get; set; } = 20;

    /// <summary>Angle noise, degrees. Default 2.</summary>
    [Range(0.0, 10.0)]
    public double KneeNoiseDeg { get; set; } = 2;

    /// <summary>Peak force of the one grip squeeze per cycle, newtons. Default 300.</summary>
    [Range(0.0, 1000.0)]
    public double GripPeakNewtons { get; set; } = 300;

    /// <summary>How long the squeeze holds its peak, seconds. Default 1.5.</summary>
    [Range(0.2, 60.0)]
    public double GripHoldSeconds { get; set; } = 1.5;

    /// <summary>Skin temperature the thermometers see while someone is in front, °C. Default 36.8.</summary>
    [Range(30.5, 43.0)]
    public double BodyTemperatureCelsius { get; set; } = 36.8;

    /// <summary>Room temperature, °C. Default 22.</summary>
    [Range(0.0, 29.0)]
    public double AmbientCelsius { get; set; } = 22;

    /// <summary>How long the forehead stays in front of the thermometer, seconds (≥ samples per measurement + 1). Default 5.</summary>
    [Range(1.0, 600.0)]
    public double PresenceSeconds { get; set; } = 5;

    /// <summary>SpO2 the pulse oximeters see, %. Default 97.</summary>
    [Range(80.0, 100.0)]
    public double SpO2Percent { get; set; } = 97;

    /// <summary>Pulse the pulse oximeters see, /min. Default 72.</summary>
    [Range(40.0, 180.0)]
    public double PulseBpm { get; set; } = 72;

    /// <summary>Weight on a balance board, newtons. Default 700.</summary>
    [Range(150.0, 2000.0)]
    public double BalanceWeightNewtons { get; set; } = 700;

    /// <summary>Sway amplitudes of the centre of pressure, mm. Defaults 10 and 8.</summary>
    [Range(0.0, 100.0)]
    public double SwayXMm { get; set; } = 10;

    /// <inheritdoc cref="SwayXMm"/>
    [Range(0.0, 100.0)]
    public double SwayYMm { get; set; } = 8;

    /// <summary>Sway frequency, Hz. Default 0.3.</summary>
    [Range(0.01, 5.0)]
    public double SwayHz { get; set; } = 0.3;

    /// <summary>Device ids that are configured but never answer: a failing sensor for the demo and tests. Default none.</summary>
    public IList<string> AbsentDevices { get; } = [];
}
