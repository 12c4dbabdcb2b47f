using System.Collections.Frozen;

namespace Telehealth.Ingest.Contracts.Metrics;

/// <summary>
/// The metrics the system knows, with UCUM units and plausible ranges. Both the gateway (MQTT contract) and the
/// ingest (batch validation) check readings against this one catalogue. Documented in docs/mqtt-contract.md.
/// </summary>
public static class MetricCatalog
{
    private static readonly MetricDefinition[] Definitions =
    [
        Single("heart_rate", "/min", 20, 250, MetricPriority.Vital),
        Single("resting_heart_rate", "/min", 20, 200, MetricPriority.Vital),
        Single("rr_interval", "ms", 200, 3000, MetricPriority.Activity),
        Single("spo2", "%", 50, 100, MetricPriority.Vital),
        Single("pulse_rate", "/min", 20, 250, MetricPriority.Vital),
        Single("respiratory_rate", "/min", 4, 60, MetricPriority.Vital),
        new("blood_pressure", "mm[Hg]",
        [
            new ComponentDefinition("systolic", 40, 300),
            new ComponentDefinition("diastolic", 20, 200),
            new ComponentDefinition("map", 30, 250, Required: false),
        ], MetricPriority.Vital),
        Single("body_weight", "kg", 20, 400, MetricPriority.Vital),
        Single("body_mass_index", "kg/m2", 5, 100, MetricPriority.Vital),
        Single("body_height", "m", 0.3, 2.6, MetricPriority.Activity),
        Single("body_temperature", "Cel", 25, 45, MetricPriority.Vital),
        Single("steps", "{steps}", 0, 100_000, MetricPriority.Activity),
        Single("energy_expended", "kJ", 0, 100_000, MetricPriority.Activity),
        Single("cadence", "/min", 0, 300, MetricPriority.Activity),
        Single("power", "W", 0, 3000, MetricPriority.Activity),
        Single("speed", "m/s", 0, 20, MetricPriority.Activity),
        Single("distance", "m", 0, 1_000_000, MetricPriority.Activity),
        Single("stride_length", "m", 0, 5, MetricPriority.Activity),
        Single("joint_angle", "deg", -90, 270, MetricPriority.Raw),
        Single("range_of_motion", "deg", 0, 270, MetricPriority.Activity),
        Single("repetitions", "{count}", 0, 10_000, MetricPriority.Activity),
        Single("session_duration", "s", 0, 86_400, MetricPriority.Activity),
        Single("grip_force", "N", 0, 1500, MetricPriority.Activity),
        Single("sway", "mm", 0, 100_000, MetricPriority.Activity),
    ];

    private static readonly FrozenDictionary<string, MetricDefinition> ByName =
        Definitions.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>All known metrics.</summary>
    public static IReadOnlyList<MetricDefinition> All => Definitions;

    /// <summary>Looks a metric up by name.</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MetricDefinition? definition)
        => ByName.TryGetValue(name, out definition);

    private static MetricDefinition Single(string name, string unit, double min, double max, MetricPriority priority)
        => new(name, unit, [new ComponentDefinition(MetricDefinition.SingleValue, min, max)], priority);
}
