namespace Telehealth.Ingest.Contracts.Metrics;

/// <summary>Checks a reading's metric, unit and component values against the <see cref="MetricCatalog"/>.</summary>
public static class ReadingValidator
{
    /// <summary>Returns null when the reading is valid, else a reason a person can act on.</summary>
    public static string? Validate(string? metric, string? unit, IReadOnlyDictionary<string, double>? values)
    {
        if (string.IsNullOrEmpty(metric))
        {
            return "metric is missing";
        }

        if (!MetricCatalog.TryGet(metric, out var definition))
        {
            return $"unknown metric '{Truncate(metric)}'";
        }

        if (!string.Equals(unit, definition.Unit, StringComparison.Ordinal))
        {
            return $"wrong unit '{Truncate(unit ?? "")}' for {definition.Name}: expected '{definition.Unit}'";
        }

        if (values is null || values.Count == 0)
        {
            return $"{definition.Name} has no values";
        }

        foreach (var (name, value) in values)
        {
            var component = definition.FindComponent(name);
            if (component is null)
            {
                return $"unknown component '{Truncate(name)}' for {definition.Name}";
            }

            if (!double.IsFinite(value))
            {
                return $"{definition.Name}.{name} is not a finite number";
            }

            if (value < component.Min || value > component.Max)
            {
                return $"{definition.Name}.{name}={value} outside plausible range [{component.Min}, {component.Max}]";
            }
        }

        foreach (var component in definition.Components)
        {
            if (component.Required && !values.ContainsKey(component.Name))
            {
                return $"{definition.Name} lacks required component '{component.Name}'";
            }
        }

        return null;
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");
}
