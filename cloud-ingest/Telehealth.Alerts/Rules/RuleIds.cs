namespace Telehealth.Alerts.Rules;

/// <summary>The stable rule ids (used in alerts, settings and docs/alert-rules.md).</summary>
public static class RuleIds
{
    /// <summary>Weight gain &gt; 2 kg in 3 days (rule of thumb).</summary>
    public const string WeightGain = "weight.gain-3d";

    /// <summary>Weight MACD trend rule.</summary>
    public const string WeightMacd = "weight.macd";

    /// <summary>SpO2 below the floor.</summary>
    public const string Spo2Floor = "spo2.floor";

    /// <summary>SpO2 day-to-day drop.</summary>
    public const string Spo2Drop = "spo2.day-drop";

    /// <summary>SpO2 below the personal 7-day baseline.</summary>
    public const string Spo2Baseline = "spo2.baseline";

    /// <summary>Resting heart rate above the personal baseline.</summary>
    public const string RestingHeartRate = "rhr.baseline";

    /// <summary>Steps below the personal baseline.</summary>
    public const string StepsDecline = "steps.decline";

    /// <summary>Systolic blood pressure out of range.</summary>
    public const string BloodPressure = "bp.systolic";

    /// <summary>Exercise sessions done vs prescribed.</summary>
    public const string RehabAdherence = "rehab.adherence";

    /// <summary>Range of motion regressing vs the best of the last weeks.</summary>
    public const string RangeOfMotion = "rehab.rom-regression";

    /// <summary>Repetitions regressing vs the best of the last weeks.</summary>
    public const string Repetitions = "rehab.reps-regression";

    /// <summary>Grip force regressing vs the best of the last weeks.</summary>
    public const string Grip = "rehab.grip-regression";

    /// <summary>A device silent beyond its expected schedule.</summary>
    public const string DeviceSilence = "technical.device-silence";
}
