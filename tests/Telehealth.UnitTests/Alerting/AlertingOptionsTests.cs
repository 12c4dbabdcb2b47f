using System.ComponentModel.DataAnnotations;
using Telehealth.Ingest.Alerting;

namespace Telehealth.UnitTests.Alerting;

/// <summary>Bad alerting configuration is refused at start with a message naming the key.</summary>
public sealed class AlertingOptionsTests
{
    private static List<ValidationResult> Validate(AlertingOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Defaults_AreValid()
        => Assert.Empty(Validate(new AlertingOptions()));

    [Fact]
    public void ARelativeWebhookUrl_IsRefused_NamingTheKey()
    {
        var errors = Validate(new AlertingOptions { Webhook = new WebhookOptions { Url = "/hook" } });

        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Alerting:Webhook:Url", StringComparison.Ordinal));
    }

    [Fact]
    public void AShortSecret_IsRefused()
    {
        var errors = Validate(new AlertingOptions { Webhook = new WebhookOptions { Url = "http://127.0.0.1:9/x", Secret = "short" } });

        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Secret", StringComparison.Ordinal));
    }

    [Fact]
    public void ANegativeDebounce_IsRefused()
        => Assert.NotEmpty(Validate(new AlertingOptions { DebounceMilliseconds = -1 }));

    [Fact]
    public void Signature_IsTheHmacOfTheBody()
        => Assert.Equal("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
            WebhookSignature.Of("key", System.Text.Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog")));
}
