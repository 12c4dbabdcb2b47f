namespace Telehealth.Cohort.Citizens;

/// <summary>A planted non-event.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Day">First day it affects.</param>
/// <param name="Days">How many days it lasts.</param>
/// <param name="Magnitude">Its size (kg for a meal, % for an SpO2 reading, wear hours for partial wear).</param>
public sealed record NonEvent(NonEventKind Kind, int Day, int Days, double Magnitude);
