using Telehealth.Alerts.Profiles;

namespace Telehealth.Cohort.Citizens;

/// <summary>A simulated citizen's constant characteristics (drawn once per citizen). Units as in the catalogue.</summary>
public sealed record CitizenTraits
{
    /// <summary>The monitored condition.</summary>
    public required Condition Condition { get; init; }

    /// <summary>Devices in the home.</summary>
    public required IReadOnlyList<string> Devices { get; init; }

    /// <summary>Dry body weight, kg.</summary>
    public double Weight { get; init; }

    /// <summary>Day-to-day weight noise SD (scale, clothes, meals, fluid), kg.</summary>
    public double WeightNoise { get; init; }

    /// <summary>Resting heart rate, /min.</summary>
    public double RestingHr { get; init; }

    /// <summary>Day-to-day resting HR SD, /min.</summary>
    public double RestingHrNoise { get; init; }

    /// <summary>Habitual SpO2, %.</summary>
    public double Spo2 { get; init; }

    /// <summary>Habitual systolic pressure, mm[Hg].</summary>
    public double Systolic { get; init; }

    /// <summary>Habitual daily steps once settled.</summary>
    public double Steps { get; init; }

    /// <summary>Saturday and Sunday multipliers on steps.</summary>
    public (double Saturday, double Sunday) WeekendSteps { get; init; }

    /// <summary>Local hour the citizen gets up and goes to bed.</summary>
    public (int Wake, int Bed) Day { get; init; }

    /// <summary>Chance of weighing, measuring BP, each SpO2 reading, wearing the wearable on a given day.</summary>
    public (double Weigh, double BloodPressure, double Spo2, double Wear) Adherence { get; init; }

    /// <summary>Rehab: prescribed session weekdays (index = <see cref="DayOfWeek"/>).</summary>
    public IReadOnlyList<bool> SessionDays { get; init; } = [];

    /// <summary>Rehab: chance a prescribed session is done.</summary>
    public double SessionAdherence { get; init; }

    /// <summary>Rehab: range of motion at the start and the plateau, deg, and the time constant of recovery, days.</summary>
    public (double Start, double Target, double Tau) RangeOfMotion { get; init; }

    /// <summary>Rehab: repetitions at the start and at the plateau.</summary>
    public (double Start, double Target) Repetitions { get; init; }

    /// <summary>Rehab: grip force, N.</summary>
    public double Grip { get; init; }

    /// <summary>True for the rehabilitation conditions.</summary>
    public bool IsRehab => Condition is Condition.KneeRehabilitation or Condition.HipRehabilitation;

    /// <summary>Prescribed sessions per week.</summary>
    public int SessionsPerWeek => SessionDays.Count(d => d);
}
