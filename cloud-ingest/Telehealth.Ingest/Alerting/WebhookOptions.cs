using System.ComponentModel.DataAnnotations;

namespace Telehealth.Ingest.Alerting;

/// <summary>
/// Section <c>Alerting:Webhook</c>. No <see cref="Url"/>: notifications wait in the outbox. With a
/// <see cref="Secret"/> every POST carries <c>X-Telehealth-Signature: sha256=HEX</c> (HMAC-SHA256 of the body).
/// </summary>
public sealed class WebhookOptions : IValidatableObject
{
    /// <summary>Absolute http(s) URL the notifications are POSTed to (default none).</summary>
    public string? Url { get; set; }

    /// <summary>Shared secret for the HMAC-SHA256 signature (default none: unsigned).</summary>
    public string? Secret { get; set; }

    /// <summary>Retries of one delivery, with exponential backoff and jitter (default 4).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry's delay; each next one doubles (default 200).</summary>
    [Range(1, 60_000)]
    public int FirstRetryDelayMilliseconds { get; set; } = 200;

    /// <summary>Timeout of one HTTP attempt (default 10).</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>How often the outbox is polled for notifications that are due again (default 1000).</summary>
    [Range(50, 600_000)]
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>The longest pause between two delivery rounds of a notification that keeps failing (default 3600).</summary>
    [Range(1, 86_400)]
    public int MaxPauseSeconds { get; set; } = 3600;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url is not null && (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("Alerting:Webhook:Url must be an absolute http or https URL.", [nameof(Url)]);
        }

        if (Secret is not null && Secret.Length < 16)
        {
            yield return new ValidationResult("Alerting:Webhook:Secret must have at least 16 characters.", [nameof(Secret)]);
        }
    }
}
