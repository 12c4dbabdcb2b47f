using Telehealth.Cohort.Citizens;
using Telehealth.Cohort.Randomness;

namespace Telehealth.Cohort.Physiology;

/// <summary>
/// Day-by-day latent physiology: slow autoregressive drifts, weekly rhythm, recovery curves for rehab, and the
/// planted episodes' effects. One instance per citizen; call <see cref="Next"/> once per day in order.
/// </summary>
public sealed class PhysiologyModel
{
    private readonly CitizenTraits _traits;
    private readonly IReadOnlyList<LabelledEpisode> _episodes;
    private readonly IReadOnlyList<NonEvent> _meals;
    private readonly SeededRandom _random;
    private readonly DayOfWeek _firstDay;
    private double _weightDrift;
    private double _hr;
    private double _spo2;
    private double _steps;

    /// <summary>Creates the model.</summary>
    public PhysiologyModel(CitizenTraits traits, IReadOnlyList<LabelledEpisode> episodes, IReadOnlyList<NonEvent> nonEvents, DayOfWeek firstDay, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(nonEvents);
        _traits = traits;
        _episodes = episodes;
        _meals = nonEvents.Where(n => n.Kind == NonEventKind.HeavyMeal).ToList();
        _firstDay = firstDay;
        _random = random;
    }

    /// <summary>The latent state of <paramref name="day"/>.</summary>
    public DayState Next(int day)
    {
        var t = _traits;
        var r = _random;

        // Slow dry-weight drift (AR(1), stationary SD ≈ 0.3 kg) plus weekend gain on Mondays.
        _weightDrift = (0.97 * _weightDrift) + r.Normal(0, 0.075);
        var dow = (DayOfWeek)(((int)_firstDay + day) % 7);
        var weight = t.Weight + _weightDrift + (dow == DayOfWeek.Monday ? 0.3 : 0) + MealEffect(day);

        // Resting HR: AR(1), φ = 0.5, stationary SD = the citizen's 3–4 /min.
        _hr = (0.5 * _hr) + r.Normal(0, t.RestingHrNoise * Math.Sqrt(1 - 0.25));
        // SpO2 day effect: AR(1), φ = 0.5, stationary SD 0.8 (the reading adds 1.0 → ≈ 1.3 in total).
        _spo2 = (0.5 * _spo2) + r.Normal(0, 0.8 * Math.Sqrt(1 - 0.25));
        // log steps: AR(1), φ = 0.3, stationary SD 0.26; with the weekend and seasonal rhythm the day-to-day CV is ≈ 30 %.
        _steps = (0.3 * _steps) + r.Normal(0, 0.26 * Math.Sqrt(1 - 0.09));

        var weekend = dow switch
        {
            DayOfWeek.Saturday => t.WeekendSteps.Saturday,
            DayOfWeek.Sunday => t.WeekendSteps.Sunday,
            _ => 1.0,
        };
        var season = 1 + (0.1 * Math.Cos(2 * Math.PI * (day - 180) / 365.0));
        var recovery = t.IsRehab ? 1 - Math.Exp(-day / t.RangeOfMotion.Tau) : 1.0;
        var steps = t.Steps * (t.IsRehab ? 0.5 + (0.5 * recovery) : 1.0) * weekend * season * Math.Exp(_steps - 0.034);
        var rom = t.RangeOfMotion.Target - ((t.RangeOfMotion.Target - t.RangeOfMotion.Start) * (1 - recovery));
        var reps = t.Repetitions.Target - ((t.Repetitions.Target - t.Repetitions.Start) * (1 - recovery));
        var grip = t.Grip * (0.92 + (0.08 * recovery));

        double dWeight = 0, dHr = 0, dSpo2 = 0, stepsFactor = 1, dRom = 0, repsFactor = 1, gripFactor = 1, miss = 0;
        foreach (var episode in _episodes)
        {
            var s = episode.Strength(day);
            if (s <= 0)
            {
                continue;
            }

            var e = episode.Effect;
            dWeight += s * e.WeightKg;
            dHr += s * e.RestingHr;
            dSpo2 += s * e.Spo2;
            stepsFactor *= 1 - (s * (1 - e.StepsFactor));
            dRom += s * e.RangeOfMotionDeg;
            repsFactor *= 1 - (s * (1 - e.RepetitionsFactor));
            gripFactor *= 1 - (s * (1 - e.GripFactor));
            miss += s * e.MissedSessionChance;
        }

        return new DayState(
            weight + dWeight,
            t.RestingHr + _hr + dHr,
            t.Spo2 + _spo2 + dSpo2,
            t.Systolic,
            steps * stepsFactor,
            rom + dRom,
            reps * repsFactor,
            grip * gripFactor,
            Math.Min(miss, 1));
    }

    private double MealEffect(int day)
    {
        var effect = 0.0;
        foreach (var meal in _meals)
        {
            if (day == meal.Day)
            {
                effect += meal.Magnitude;
            }
            else if (day == meal.Day + 1)
            {
                effect += 0.4 * meal.Magnitude;
            }
        }

        return effect;
    }
}
