namespace Telehealth.Ingest.Alerting;

/// <summary>A value an alert rests on (null when the rule had no finite number).</summary>
public sealed record ExplainedValue(string Label, double? Value);
