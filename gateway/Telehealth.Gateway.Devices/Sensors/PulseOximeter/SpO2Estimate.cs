namespace Telehealth.Gateway.Devices.Sensors.PulseOximeter;

/// <summary>The result of one estimation window.</summary>
/// <param name="SpO2Percent">Estimated saturation, %, clamped to 0..100.</param>
/// <param name="PulseBpm">Estimated pulse rate, beats per minute.</param>
/// <param name="RatioOfRatios">R = (AC/DC)red / (AC/DC)IR.</param>
/// <param name="IrPerfusionIndex">AC/DC of the IR channel (signal quality: below ~0.2 % the estimate is unreliable).</param>
public sealed record SpO2Estimate(double SpO2Percent, double PulseBpm, double RatioOfRatios, double IrPerfusionIndex);
