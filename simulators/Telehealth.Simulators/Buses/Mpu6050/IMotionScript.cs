namespace Telehealth.Simulators.Buses.Mpu6050;

/// <summary>
/// A scripted joint motion for a simulated IMU: the true inclination of the limb segment the sensor is strapped to,
/// as a function of the time since the script began.
/// </summary>
public interface IMotionScript
{
    /// <summary>How long the scripted motion lasts; after that the limb rests at <see cref="AngleDeg"/>(Duration).</summary>
    TimeSpan Duration { get; }

    /// <summary>Standard deviation (degrees) of the noise added to the angle the accelerometer sees.</summary>
    double NoiseDeg { get; }

    /// <summary>Seed of the noise generator, so a run is reproducible.</summary>
    int Seed { get; }

    /// <summary>The true angle (degrees) at <paramref name="elapsed"/> since the script began.</summary>
    double AngleDeg(TimeSpan elapsed);

    /// <summary>The true angular rate (degrees per second) at <paramref name="elapsed"/> since the script began.</summary>
    double AngularRateDegPerSecond(TimeSpan elapsed);
}
