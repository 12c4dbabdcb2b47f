namespace Telehealth.Ingest.Contracts.Metrics;

/// <summary>How urgently a metric's readings leave the gateway: vitals before activity before raw motion backlog.</summary>
public enum MetricPriority
{
    /// <summary>Clinical vitals and anything alerts are computed from.</summary>
    Vital = 0,

    /// <summary>Activity, exercise features and other summaries.</summary>
    Activity = 1,

    /// <summary>High-rate raw windows (motion), forwarded only when configured.</summary>
    Raw = 2,
}
