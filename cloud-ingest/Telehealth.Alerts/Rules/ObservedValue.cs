namespace Telehealth.Alerts.Rules;

/// <summary>A value a firing rests on.</summary>
/// <param name="Label">What it is, e.g. "weight 2025-03-04" or "3-day mean".</param>
/// <param name="Value">The value, in <see cref="AlertFiring.Unit"/>.</param>
public readonly record struct ObservedValue(string Label, double Value);
