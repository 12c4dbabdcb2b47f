namespace Telehealth.Alerts.Observations;

/// <summary>One validated reading of one patient, as the rules see it.</summary>
/// <param name="Time">The device time of the reading.</param>
/// <param name="Metric">Metric name from <see cref="MetricNames"/> (catalogue name, or <c>metric.component</c> for multi-component metrics).</param>
/// <param name="Value">The value in the catalogue's unit.</param>
/// <param name="DeviceId">The device that produced it; used by the technical-silence rule.</param>
public readonly record struct Observation(DateTimeOffset Time, string Metric, double Value, string? DeviceId = null);
