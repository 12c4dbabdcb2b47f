namespace Telehealth.Alerts.Profiles;

/// <summary>
/// Per-patient thresholds. Every default is the documented rule (docs/alert-rules.md); a clinician may change them
/// per patient. "Days" are the patient's local days.
/// </summary>
public sealed record PatientRuleSettings
{
    /// <summary>The defaults.</summary>
    public static PatientRuleSettings Default { get; } = new();

    /// <summary>Rule of thumb: weight gain that fires, kg.</summary>
    public double WeightGainKg { get; init; } = 2.0;

    /// <summary>Rule of thumb: the window the gain is measured over, days.</summary>
    public int WeightGainDays { get; init; } = 3;

    /// <summary>MACD: span of the short exponential moving average, days.</summary>
    public int MacdShortDays { get; init; } = 3;

    /// <summary>MACD: span of the long exponential moving average, days.</summary>
    public int MacdLongDays { get; init; } = 21;

    /// <summary>MACD: short − long EMA difference that fires, kg.</summary>
    public double MacdThresholdKg { get; init; } = 0.9;

    /// <summary>MACD: weighed days needed in the last 28 days before the rule may fire (baseline forming).</summary>
    public int MacdMinDays { get; init; } = 10;

    /// <summary>SpO2 floor, %: fires when the day's best reading is below it.</summary>
    public double Spo2Floor { get; init; } = 90;

    /// <summary>SpO2 floor: readings the day needs, so a single bad reading never fires alone.</summary>
    public int Spo2MinReadings { get; init; } = 2;

    /// <summary>SpO2 day-to-day drop that fires, points.</summary>
    public double Spo2DayDrop { get; init; } = 4;

    /// <summary>SpO2 baseline: days in the rolling baseline.</summary>
    public int Spo2BaselineDays { get; init; } = 7;

    /// <summary>SpO2 baseline: days with readings needed in the baseline window (baseline forming below).</summary>
    public int Spo2BaselineMinDays { get; init; } = 5;

    /// <summary>SpO2 baseline: SDs below the mean that fire (1.645 = one-sided 5 %).</summary>
    public double Spo2BaselineZ { get; init; } = 1.645;

    /// <summary>SpO2 baseline: the smallest SD used, points (integer readings can give SD 0).</summary>
    public double Spo2BaselineSdFloor { get; init; } = 0.5;

    /// <summary>SpO2 baseline: the value must also be at least this far below the mean, points.</summary>
    public double Spo2BaselineMinDrop { get; init; } = 3;

    /// <summary>SpO2 baseline: consecutive days the condition must hold.</summary>
    public int Spo2BaselinePersistDays { get; init; } = 1;

    /// <summary>Resting HR: rise above the personal baseline that fires, /min.</summary>
    public double RestingHrRise { get; init; } = 10;

    /// <summary>Resting HR: days in the baseline.</summary>
    public int RestingHrBaselineDays { get; init; } = 14;

    /// <summary>Resting HR: days between the baseline window and today (so a slow rise does not hide in it).</summary>
    public int RestingHrBaselineLagDays { get; init; } = 3;

    /// <summary>Resting HR: days with a value needed in the baseline window.</summary>
    public int RestingHrBaselineMinDays { get; init; } = 10;

    /// <summary>Resting HR: consecutive days above baseline + rise needed.</summary>
    public int RestingHrPersistDays { get; init; } = 1;

    /// <summary>Steps: days in the recent mean (complete days before today).</summary>
    public int StepsRecentDays { get; init; } = 3;

    /// <summary>Steps: days in the baseline, just before the recent days.</summary>
    public int StepsBaselineDays { get; init; } = 14;

    /// <summary>Steps: days between the baseline window and the recent window (so a gradual decline does not drag its own baseline down).</summary>
    public int StepsBaselineLagDays { get; init; } = 7;

    /// <summary>Steps: fires when the recent mean is below this fraction of the baseline mean.</summary>
    public double StepsFraction { get; init; } = 0.70;

    /// <summary>Steps: valid days needed in the baseline window.</summary>
    public int StepsBaselineMinDays { get; init; } = 10;

    /// <summary>Steps: valid days needed in the recent window.</summary>
    public int StepsRecentMinDays { get; init; } = 2;

    /// <summary>Steps: hours with wearable data a day needs to count as valid (a day not worn is missing, not zero).</summary>
    public int StepsMinWearHours { get; init; } = 10;

    /// <summary>Steps: consecutive evaluations days the condition must hold.</summary>
    public int StepsPersistDays { get; init; } = 2;

    /// <summary>Blood pressure: systolic above this fires, mm[Hg].</summary>
    public double SystolicHigh { get; init; } = 180;

    /// <summary>Blood pressure: systolic below this fires, mm[Hg].</summary>
    public double SystolicLow { get; init; } = 90;

    /// <summary>Rehab: sessions prescribed per week; 0 = no plan (rule silent).</summary>
    public int RehabSessionsPerWeek { get; init; }

    /// <summary>Rehab: fires when sessions done in the adherence window are below this fraction of the prescription.</summary>
    public double RehabAdherenceFraction { get; init; } = 0.5;

    /// <summary>Rehab: complete days the adherence is judged over (prescription scaled from per week).</summary>
    public int RehabAdherenceDays { get; init; } = 7;

    /// <summary>Rehab regression: weeks before the last 7 days searched for the best weekly mean.</summary>
    public int RegressionBestWeeks { get; init; } = 4;

    /// <summary>Rehab regression: recent sessions averaged (within the last 7 days).</summary>
    public int RegressionRecentSessions { get; init; } = 3;

    /// <summary>Range of motion: fires when the recent mean is this fraction below the best weekly mean.</summary>
    public double RangeOfMotionDropFraction { get; init; } = 0.10;

    /// <summary>Repetitions: fires when the recent mean is this fraction below the best weekly mean.</summary>
    public double RepetitionsDropFraction { get; init; } = 0.20;

    /// <summary>Grip: fires when the recent mean is this fraction below the best weekly mean.</summary>
    public double GripDropFraction { get; init; } = 0.20;

    /// <summary>Technical: a device is silent after this many expected intervals.</summary>
    public double SilenceIntervals { get; init; } = 3;

    /// <summary>Technical: the shortest silence ever reported (debounce for chatty devices).</summary>
    public TimeSpan SilenceMinimum { get; init; } = TimeSpan.FromHours(12);
}
