using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Profiles;
using Telehealth.Cohort.Physiology;
using Telehealth.Cohort.Randomness;

namespace Telehealth.Cohort.Citizens;

/// <summary>Generates reproducible citizens: the same seed and index always give the same citizen.</summary>
public static class CitizenSimulator
{
    /// <summary>Day 0 of every simulation: Monday 6 January 2025, local midnight in Copenhagen (winter time).</summary>
    public static readonly DateTimeOffset DefaultStart = new(2025, 1, 6, 0, 0, 0, TimeSpan.FromHours(1));

    private static readonly Condition[] Mix =
        [Condition.HeartFailure, Condition.Copd, Condition.KneeRehabilitation, Condition.HipRehabilitation, Condition.AtRisk];

    /// <summary>The condition of cohort member <paramref name="index"/> (the cohort cycles through the five).</summary>
    public static Condition ConditionOf(int index) => Mix[index % Mix.Length];

    /// <summary>Generates cohort member <paramref name="index"/> for <paramref name="days"/> days.</summary>
    public static SimulatedCitizen Generate(ulong seed, int index, int days) => Generate(seed, index, days, DefaultStart);

    /// <summary>Generates cohort member <paramref name="index"/> starting at local midnight <paramref name="start"/>.</summary>
    public static SimulatedCitizen Generate(ulong seed, int index, int days, DateTimeOffset start)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var random = SeededRandom.For(seed, index);
        var condition = ConditionOf(index);
        var traits = TraitSampler.Sample(condition, random);
        var episodes = EpisodePlanner.Plan(condition, days, random);
        var nonEvents = DisturbancePlanner.NonEvents(traits, episodes, days, random);
        var dropouts = DisturbancePlanner.Dropouts(traits.Devices, start, days, random);

        var observations = new List<Observation>(days * 80);
        var model = new PhysiologyModel(traits, episodes, nonEvents, start.DayOfWeek, random);
        var writer = new ReadingWriter(traits, dropouts, random, observations);
        for (var day = 0; day < days; day++)
        {
            var state = model.Next(day);
            writer.WriteDay(start.AddDays(day), state, ContextOf(day, start, traits, episodes, nonEvents, random));
        }

        observations.Sort((a, b) => a.Time.CompareTo(b.Time));
        var patientId = $"sim-{seed:x}-{index:D5}";
        var profile = new PatientProfile(patientId, [condition], start)
        {
            UtcOffset = start.Offset,
            Devices = traits.Devices.Select(d => new ExpectedDevice(d, ReadingWriter.HeartbeatInterval)).ToList(),
            Settings = SettingsFor(traits),
        };
        return new SimulatedCitizen(index, profile, traits, start, days, observations, episodes, nonEvents, dropouts);
    }

    /// <summary>
    /// What a clinician sets at enrolment: the rehab plan, and for COPD an SpO2 floor below the citizen's habitual
    /// level (BTS target 88–92 % for those at risk of hypercapnia), never above 90 %.
    /// </summary>
    private static PatientRuleSettings SettingsFor(CitizenTraits traits) => PatientRuleSettings.Default with
    {
        RehabSessionsPerWeek = traits.SessionsPerWeek,
        Spo2Floor = Math.Min(90, Math.Floor(traits.Spo2) - 3),
    };

    private static DayContext ContextOf(
        int day, DateTimeOffset start, CitizenTraits traits, IReadOnlyList<LabelledEpisode> episodes, IReadOnlyList<NonEvent> nonEvents, SeededRandom random)
    {
        var away = nonEvents.Any(n => n.Kind == NonEventKind.AwayWithoutWearable && day >= n.Day && day < n.Day + n.Days);
        var hospital = episodes.Any(e => e.InHospital(day));
        var partial = nonEvents.FirstOrDefault(n => n.Kind == NonEventKind.PartialWear && n.Day == day);
        var bad = nonEvents.FirstOrDefault(n => n.Kind == NonEventKind.BadSpo2Reading && n.Day == day);
        var worn = random.Chance(traits.Adherence.Wear);
        var wearHours = !worn ? 0 : partial is null ? 24 : (int)partial.Magnitude;
        return new DayContext((DayOfWeek)(((int)start.DayOfWeek + day) % 7), !away && !hospital, wearHours, bad?.Magnitude);
    }
}
