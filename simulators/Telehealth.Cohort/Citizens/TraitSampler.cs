using Telehealth.Alerts.Profiles;
using Telehealth.Cohort.Randomness;

namespace Telehealth.Cohort.Citizens;

/// <summary>Draws a citizen's traits for a condition. Ranges and noise levels are documented in docs/alert-rules.md.</summary>
public static class TraitSampler
{
    /// <summary>Draws the traits.</summary>
    public static CitizenTraits Sample(Condition condition, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var rehab = condition is Condition.KneeRehabilitation or Condition.HipRehabilitation;
        var knee = condition == Condition.KneeRehabilitation;
        var sessionsPerWeek = rehab ? random.Between(3, 5) : 0;
        return new CitizenTraits
        {
            Condition = condition,
            Devices = DevicesFor(condition),
            Weight = random.Uniform(58, 110),
            WeightNoise = random.Uniform(0.45, 0.70),
            RestingHr = condition == Condition.AtRisk ? random.Uniform(58, 80) : random.Uniform(60, 82),
            RestingHrNoise = random.Uniform(3.0, 4.0),
            Spo2 = condition == Condition.Copd ? random.Uniform(91, 96) : random.Uniform(95.5, 98),
            Systolic = random.Uniform(108, 152),
            Steps = condition switch
            {
                Condition.HeartFailure => random.Uniform(2500, 6500),
                Condition.Copd => random.Uniform(2000, 6000),
                Condition.AtRisk => random.Uniform(5000, 11000),
                _ => random.Uniform(4000, 7500),
            },
            WeekendSteps = (random.Uniform(0.8, 1.1), random.Uniform(0.7, 1.0)),
            Day = (random.Between(6, 8), random.Between(22, 23)),
            Adherence = (random.Uniform(0.80, 0.97), random.Uniform(0.65, 0.92), random.Uniform(0.82, 0.97), random.Uniform(0.85, 0.98)),
            SessionDays = rehab ? SessionDays(sessionsPerWeek) : [],
            SessionAdherence = random.Uniform(0.82, 0.97),
            RangeOfMotion = knee
                ? (random.Uniform(70, 90), random.Uniform(110, 125), random.Uniform(25, 50))
                : (random.Uniform(55, 75), random.Uniform(95, 110), random.Uniform(25, 50)),
            Repetitions = (random.Uniform(6, 10), random.Uniform(18, 30)),
            Grip = random.Uniform(180, 380),
        };
    }

    private static List<string> DevicesFor(Condition condition) => condition switch
    {
        Condition.HeartFailure => [DeviceIds.Wearable, DeviceIds.Scale, DeviceIds.BloodPressureCuff],
        Condition.Copd => [DeviceIds.Wearable, DeviceIds.Oximeter, DeviceIds.BloodPressureCuff],
        Condition.AtRisk => [DeviceIds.Wearable, DeviceIds.Scale, DeviceIds.BloodPressureCuff],
        _ => [DeviceIds.Wearable, DeviceIds.MotionSensor, DeviceIds.GripBoard],
    };

    private static bool[] SessionDays(int perWeek)
    {
        // Monday, Wednesday, Friday, then Tuesday, Thursday.
        DayOfWeek[] order = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Tuesday, DayOfWeek.Thursday];
        var days = new bool[7];
        foreach (var day in order.Take(perWeek))
        {
            days[(int)day] = true;
        }

        return days;
    }
}
