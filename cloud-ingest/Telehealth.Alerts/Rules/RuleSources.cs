namespace Telehealth.Alerts.Rules;

/// <summary>Citations carried by firings (full references in docs/alert-rules.md).</summary>
public static class RuleSources
{
    /// <summary>Weight rule of thumb.</summary>
    public const string WeightRuleOfThumb = "ESC HF guidelines / HFA self-care (Jaarsma et al., Eur J Heart Fail 2021)";

    /// <summary>MACD weight trend.</summary>
    public const string WeightMacd = "Zhang et al., Eur J Heart Fail 2009; Gyllensten et al., JMIR Med Inform 2016";

    /// <summary>SpO2 floor and day-to-day drop.</summary>
    public const string Spo2Fixed = "COPD telemonitoring pilot, Int J Med Inform 2018";

    /// <summary>SpO2 personal baseline.</summary>
    public const string Spo2Baseline = "Cooper et al., Int J COPD 2020; Int J Med Inform 2018";

    /// <summary>Resting heart rate.</summary>
    public const string RestingHeartRate = "Copenhagen Male Study, Jensen et al., Heart 2013";

    /// <summary>Steps.</summary>
    public const string Steps = "Paluch et al., Lancet Public Health 2022";

    /// <summary>Blood pressure.</summary>
    public const string BloodPressure = "Common telemonitoring practice (hypertensive urgency > 180, hypotension < 90 mmHg)";

    /// <summary>Rehab adherence and regression.</summary>
    public const string Rehab = "FUT triage (MeasurementTimingUnexpected); therapist's plan";

    /// <summary>Technical silence.</summary>
    public const string Technical = "RADAR-base users' reports of noisy disconnect alerts (debounced silence)";
}
