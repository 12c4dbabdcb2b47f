namespace Telehealth.Cohort.Physiology;

/// <summary>A citizen's true physiology on one day, before measurement noise and missing data.</summary>
/// <param name="Weight">Morning weight before scale noise, kg.</param>
/// <param name="RestingHr">Resting heart rate, /min.</param>
/// <param name="Spo2">Mean SpO2, %.</param>
/// <param name="Systolic">Mean systolic pressure, mm[Hg].</param>
/// <param name="Steps">Steps the citizen walks (whether or not the wearable sees them).</param>
/// <param name="RangeOfMotion">Range of motion reachable, deg.</param>
/// <param name="Repetitions">Repetitions per session.</param>
/// <param name="Grip">Grip force, N.</param>
/// <param name="MissedSessionChance">Extra chance of skipping a session.</param>
public readonly record struct DayState(
    double Weight, double RestingHr, double Spo2, double Systolic, double Steps,
    double RangeOfMotion, double Repetitions, double Grip, double MissedSessionChance);
