namespace Telehealth.Ingest.Contracts.Metrics;

/// <summary>A metric the system accepts: its name, UCUM unit, components and priority.</summary>
/// <param name="Name">Metric name (snake_case); also the InfluxDB measurement.</param>
/// <param name="Unit">The one UCUM unit readings must be expressed in.</param>
/// <param name="Components">Components with plausible ranges. Single-value metrics have one component named <c>value</c>.</param>
/// <param name="Priority">Forwarding priority on the gateway.</param>
public sealed record MetricDefinition(string Name, string Unit, IReadOnlyList<ComponentDefinition> Components, MetricPriority Priority)
{
    /// <summary>The component name used by single-value metrics.</summary>
    public const string SingleValue = "value";

    /// <summary>True when the metric has exactly one component named <c>value</c>.</summary>
    public bool IsSingleValue => Components.Count == 1 && Components[0].Name == SingleValue;

    /// <summary>Finds a component by name, or null.</summary>
    public ComponentDefinition? FindComponent(string name)
    {
        foreach (var component in Components)
        {
            if (string.Equals(component.Name, name, StringComparison.Ordinal))
            {
                return component;
            }
        }

        return null;
    }
}
