using System.ComponentModel.DataAnnotations;

namespace Telehealth.Ingest.Telemetry;

/// <summary>Metrics of the ingest (OpenTelemetry, scraped by Prometheus). Section <c>Telemetry</c>.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string SectionName = "Telemetry";

    /// <summary>Whether the Prometheus scrape endpoint is served. Default true.</summary>
    public bool PrometheusEnabled { get; set; } = true;

    /// <summary>Path of the Prometheus scrape endpoint. Default <c>/metrics</c>.</summary>
    [Required]
    public string PrometheusPath { get; set; } = "/metrics";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!PrometheusPath.StartsWith('/') || PrometheusPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || PrometheusPath.Contains('?', StringComparison.Ordinal))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(PrometheusPath)} '{PrometheusPath}' must start with '/', have no query and not lie under /api/", [nameof(PrometheusPath)]);
        }
    }
}
