using System.ComponentModel.DataAnnotations;

namespace Telehealth.Ingest.Storage;

/// <summary>
/// Where and how the ingest stores points. Bound from the <c>Influx</c> section and validated at start: a bad value
/// stops the host with a message naming the key.
/// </summary>
public sealed class InfluxOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Influx";

    /// <summary>Timestamps are always written and read at millisecond precision.</summary>
    public const string Precision = "ms";

    /// <summary>The write API to use. Default <see cref="InfluxApiVersion.V1"/>.</summary>
    public InfluxApiVersion ApiVersion { get; set; } = InfluxApiVersion.V1;

    /// <summary>Absolute http(s) URL of the server, e.g. <c>http://127.0.0.1:8086</c>. Required.</summary>
    [Required]
    public string Url { get; set; } = "";

    /// <summary>V1 database (and, for InfluxQL on 2.x/3.x, the DBRP-mapped database). Default <c>telehealth</c>.</summary>
    [Required]
    public string Database { get; set; } = "telehealth";

    /// <summary>V1 retention policy; null or empty uses the database's default.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>V1 user (basic auth); null when auth is off.</summary>
    public string? Username { get; set; }

    /// <summary>V1 password (basic auth).</summary>
    public string? Password { get; set; }

    /// <summary>V2 organisation. Required when <see cref="ApiVersion"/> is V2.</summary>
    public string? Org { get; set; }

    /// <summary>V2 bucket. Required when <see cref="ApiVersion"/> is V2.</summary>
    public string? Bucket { get; set; }

    /// <summary>V2 API token (also used for InfluxQL on 2.x/3.x). Required when <see cref="ApiVersion"/> is V2.</summary>
    public string? Token { get; set; }

    /// <summary>Per-request timeout in seconds. Default 10.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary><see cref="Url"/> as a URI.</summary>
    public Uri BaseUri => new(Url, UriKind.Absolute);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(Url)} must be an absolute http or https URL.", [nameof(Url)]);
        }

        if (!Enum.IsDefined(ApiVersion))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(ApiVersion)} must be V1 or V2.", [nameof(ApiVersion)]);
        }

        if (ApiVersion == InfluxApiVersion.V2)
        {
            foreach (var (name, value) in new[] { (nameof(Org), Org), (nameof(Bucket), Bucket), (nameof(Token), Token) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    yield return new ValidationResult(
                        $"{SectionName}:{name} is required when {SectionName}:{nameof(ApiVersion)} is V2.", [name]);
                }
            }
        }
        else if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(Username)} and {SectionName}:{nameof(Password)} must be set together.",
                [nameof(Username), nameof(Password)]);
        }
    }
}
