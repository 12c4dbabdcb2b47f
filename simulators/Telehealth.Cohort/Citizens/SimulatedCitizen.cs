using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Profiles;

namespace Telehealth.Cohort.Citizens;

/// <summary>A simulated citizen: profile, readings in time order, and the ground truth.</summary>
/// <param name="Index">Index in the cohort.</param>
/// <param name="Profile">The alert profile a clinician would set up.</param>
/// <param name="Traits">The drawn characteristics.</param>
/// <param name="Start">Local midnight of day 0.</param>
/// <param name="Days">Simulated days.</param>
/// <param name="Observations">Readings, in time order.</param>
/// <param name="Episodes">Labelled clinical episodes.</param>
/// <param name="NonEvents">Planted non-events.</param>
/// <param name="Dropouts">Device and gateway dropouts.</param>
public sealed record SimulatedCitizen(
    int Index,
    PatientProfile Profile,
    CitizenTraits Traits,
    DateTimeOffset Start,
    int Days,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<LabelledEpisode> Episodes,
    IReadOnlyList<NonEvent> NonEvents,
    IReadOnlyList<DeviceDropout> Dropouts);
