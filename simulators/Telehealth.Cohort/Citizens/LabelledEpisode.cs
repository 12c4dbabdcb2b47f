namespace Telehealth.Cohort.Citizens;

/// <summary>
/// A planted episode. Day numbers count from the first simulated day (0). The effect ramps up over the prodrome
/// (days <c>OnsetDay − ProdromeDays</c> … <c>OnsetDay − 1</c>), is full from the onset for <c>PlateauDays</c>,
/// then fades over <c>RecoveryDays</c>. The onset is the clinical event (the day care would be needed).
/// </summary>
/// <param name="Kind">What it is.</param>
/// <param name="OnsetDay">The labelled onset day.</param>
/// <param name="ProdromeDays">Days of rising effect before the onset.</param>
/// <param name="PlateauDays">Days at full effect from the onset.</param>
/// <param name="RecoveryDays">Days of fading effect after the plateau.</param>
/// <param name="HospitalDays">Days from the onset with no home data (admitted); 0 = stays home.</param>
/// <param name="Effect">Full-strength effect.</param>
public sealed record LabelledEpisode(
    EpisodeKind Kind, int OnsetDay, int ProdromeDays, int PlateauDays, int RecoveryDays, int HospitalDays, EpisodeEffect Effect)
{
    /// <summary>First day with any effect.</summary>
    public int StartDay => OnsetDay - ProdromeDays;

    /// <summary>Last day with any effect.</summary>
    public int EndDay => OnsetDay + PlateauDays + RecoveryDays;

    /// <summary>Strength of the effect on <paramref name="day"/>, 0…1 (accelerating ramp, linear recovery).</summary>
    public double Strength(int day)
    {
        if (day < StartDay || day > EndDay)
        {
            return 0;
        }

        if (day < OnsetDay)
        {
            var ramp = (day - StartDay + 1) / (double)(ProdromeDays + 1);
            return Math.Pow(ramp, 1.3);
        }

        if (day <= OnsetDay + PlateauDays)
        {
            return 1;
        }

        return 1 - ((day - OnsetDay - PlateauDays) / (double)(RecoveryDays + 1));
    }

    /// <summary>True when the patient is in hospital (no home readings) on <paramref name="day"/>.</summary>
    public bool InHospital(int day) => day >= OnsetDay && day < OnsetDay + HospitalDays;
}
