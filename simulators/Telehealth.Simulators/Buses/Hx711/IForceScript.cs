namespace Telehealth.Simulators.Buses.Hx711;

/// <summary>A scripted force on a load cell, as a function of the time since the script began.</summary>
public interface IForceScript
{
    /// <summary>How long the script lasts; after that the force stays at its final value.</summary>
    TimeSpan Duration { get; }

    /// <summary>The force (newtons) at <paramref name="elapsed"/> since the script began.</summary>
    double NewtonsAt(TimeSpan elapsed);
}
