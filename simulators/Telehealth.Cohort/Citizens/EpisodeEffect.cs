namespace Telehealth.Cohort.Citizens;

/// <summary>An episode's full-strength effect on the signals (scaled by the episode's profile over time).</summary>
/// <param name="WeightKg">Added body weight (fluid), kg.</param>
/// <param name="RestingHr">Added resting heart rate, /min.</param>
/// <param name="Spo2">Added SpO2, points (negative).</param>
/// <param name="StepsFactor">Multiplier on daily steps at full strength (1 = none).</param>
/// <param name="RangeOfMotionDeg">Added range of motion, deg (negative).</param>
/// <param name="RepetitionsFactor">Multiplier on repetitions.</param>
/// <param name="GripFactor">Multiplier on grip force.</param>
/// <param name="MissedSessionChance">Extra chance a prescribed session is skipped.</param>
public sealed record EpisodeEffect(
    double WeightKg = 0,
    double RestingHr = 0,
    double Spo2 = 0,
    double StepsFactor = 1,
    double RangeOfMotionDeg = 0,
    double RepetitionsFactor = 1,
    double GripFactor = 1,
    double MissedSessionChance = 0);
