using System.ComponentModel.DataAnnotations;
using Telehealth.Ingest.Storage;

namespace Telehealth.UnitTests.Storage;

public sealed class InfluxOptionsTests
{
    [Fact]
    public void Validate_V1WithUrlOnly_IsValidWithDocumentedDefaults()
    {
        var options = new InfluxOptions { Url = "http://127.0.0.1:8086" };

        Assert.Empty(Validate(options));
        Assert.Equal(InfluxApiVersion.V1, options.ApiVersion);
        Assert.Equal("telehealth", options.Database);
        Assert.Equal(10, options.TimeoutSeconds);
        Assert.Equal("ms", InfluxOptions.Precision);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost:8086")]
    [InlineData("/relative")]
    [InlineData("ftp://example.org")]
    public void Validate_UrlNotAbsoluteHttp_NamesTheUrlKey(string url)
    {
        var errors = Validate(new InfluxOptions { Url = url });

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(InfluxOptions.Url)));
    }

    [Theory]
    [InlineData(null, "b", "t", "Org")]
    [InlineData("o", "", "t", "Bucket")]
    [InlineData("o", "b", " ", "Token")]
    public void Validate_V2WithoutOrgBucketOrToken_SaysWhichKeyIsMissing(string? org, string? bucket, string? token, string key)
    {
        var options = new InfluxOptions
        {
            ApiVersion = InfluxApiVersion.V2, Url = "https://influx.example", Org = org, Bucket = bucket, Token = token,
        };

        var error = Assert.Single(Validate(options));
        Assert.Equal($"Influx:{key} is required when Influx:ApiVersion is V2.", error.ErrorMessage);
    }

    [Fact]
    public void Validate_V2Complete_IsValid()
    {
        var options = new InfluxOptions
        {
            ApiVersion = InfluxApiVersion.V2, Url = "https://influx.example/", Org = "o", Bucket = "b", Token = "t",
        };

        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Validate_V1UsernameWithoutPassword_IsInvalid()
    {
        var errors = Validate(new InfluxOptions { Url = "http://127.0.0.1:8086", Username = "ingest" });

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(InfluxOptions.Password)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(301)]
    public void Validate_TimeoutOutOfRange_IsInvalid(int seconds)
    {
        var errors = Validate(new InfluxOptions { Url = "http://127.0.0.1:8086", TimeoutSeconds = seconds });

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(InfluxOptions.TimeoutSeconds)));
    }

    private static List<ValidationResult> Validate(InfluxOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
