namespace Telehealth.Cohort.Physiology;

/// <summary>What the day brings beyond physiology: where the citizen is and how the wearable is worn.</summary>
/// <param name="DayOfWeek">Weekday.</param>
/// <param name="AtHome">False when away or in hospital (no readings, heartbeats continue).</param>
/// <param name="WearHours">Hours the wearable is worn from waking (0 = not worn).</param>
/// <param name="BadSpo2Reading">An artefactual reading that replaces one of the day's readings.</param>
public sealed record DayContext(DayOfWeek DayOfWeek, bool AtHome, int WearHours, double? BadSpo2Reading);
