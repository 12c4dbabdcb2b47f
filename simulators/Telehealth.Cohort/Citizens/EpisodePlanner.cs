using Telehealth.Alerts.Profiles;
using Telehealth.Cohort.Randomness;

namespace Telehealth.Cohort.Citizens;

/// <summary>
/// Plants labelled episodes: a Poisson process per condition (rate per year), never overlapping, the first onset on
/// day 30 or later (a month of run-in), onsets no later than 3 days before the end (so the window is observable).
/// </summary>
public static class EpisodePlanner
{
    /// <summary>First day an onset may fall on.</summary>
    public const int RunInDays = 30;

    /// <summary>Plans the episodes of one citizen.</summary>
    public static IReadOnlyList<LabelledEpisode> Plan(Condition condition, int days, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var (kind, perYear) = condition switch
        {
            Condition.HeartFailure => (EpisodeKind.HeartFailureDecompensation, 1.0),
            Condition.Copd => (EpisodeKind.CopdExacerbation, 1.5),
            Condition.AtRisk => (EpisodeKind.Deconditioning, 0.7),
            _ => (EpisodeKind.RehabRegression, 0.8),
        };
        var episodes = new List<LabelledEpisode>();
        var onset = RunInDays + (int)random.Exponential(365 / perYear);
        while (true)
        {
            var episode = Draw(kind, onset, random);
            if (episode.OnsetDay > days - 3)
            {
                return episodes;
            }

            episodes.Add(episode);
            onset = episode.EndDay + 14 + (int)random.Exponential(365 / perYear);
            onset = Math.Max(onset, episode.EndDay + 14 + 14);
        }
    }

    private static LabelledEpisode Draw(EpisodeKind kind, int onset, SeededRandom r) => kind switch
    {
        // Fluid builds over 1–2 weeks (Chaudhry et al., Circulation 2007); HR rises, activity falls; half admitted.
        EpisodeKind.HeartFailureDecompensation => new LabelledEpisode(kind, onset, r.Between(5, 14), r.Between(1, 3), r.Between(4, 10),
            r.Chance(0.5) ? r.Between(3, 8) : 0,
            new EpisodeEffect(WeightKg: r.Uniform(0.5, 4.5), RestingHr: r.Uniform(3, 14), StepsFactor: r.Uniform(0.5, 0.9))),
        // Symptoms and SpO2 worsen over days before an exacerbation is treated; recovery takes 1–2 weeks.
        EpisodeKind.CopdExacerbation => new LabelledEpisode(kind, onset, r.Between(2, 7), r.Between(3, 7), r.Between(7, 14),
            r.Chance(0.3) ? r.Between(3, 8) : 0,
            new EpisodeEffect(Spo2: -r.Uniform(2, 6), RestingHr: r.Uniform(4, 14), StepsFactor: r.Uniform(0.45, 0.85))),
        EpisodeKind.Deconditioning => new LabelledEpisode(kind, onset, r.Between(4, 10), r.Between(14, 35), r.Between(14, 28), 0,
            new EpisodeEffect(StepsFactor: r.Uniform(0.35, 0.7), RestingHr: r.Uniform(0, 6))),
        _ => new LabelledEpisode(kind, onset, r.Between(4, 10), r.Between(5, 14), r.Between(10, 21), 0,
            new EpisodeEffect(RangeOfMotionDeg: -r.Uniform(8, 25), RepetitionsFactor: r.Uniform(0.6, 0.9), GripFactor: r.Uniform(0.8, 0.95),
                MissedSessionChance: r.Uniform(0.3, 0.7), StepsFactor: r.Uniform(0.6, 0.9))),
    };
}
