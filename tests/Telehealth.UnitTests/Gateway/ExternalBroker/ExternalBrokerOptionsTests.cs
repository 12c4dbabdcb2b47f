using System.ComponentModel.DataAnnotations;
using Telehealth.Gateway.Core.ExternalBroker;

namespace Telehealth.UnitTests.Gateway.ExternalBroker;

public sealed class ExternalBrokerOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("th-extbroker-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string File(string name)
    {
        var path = Path.Combine(_directory, name);
        System.IO.File.WriteAllText(path, "x\n");
        return path;
    }

    private static List<string> Errors(ExternalBrokerOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }

    [Fact]
    public void Defaults_WithAHost_AreValid_PersistentSessionOfSevenDays()
    {
        var options = new ExternalBrokerOptions { Host = "mqtt.example.org" };

        Assert.Empty(Errors(options));
        Assert.Equal(1883, options.Port);
        Assert.Equal(7 * 24 * 3600, options.SessionExpirySeconds);
        Assert.False(options.UseTls);
    }

    [Fact]
    public void MissingHost_NamesTheKey()
        => Assert.Contains(Errors(new ExternalBrokerOptions()), e => e.Contains("Mqtt:External:Host", StringComparison.Ordinal));

    [Fact]
    public void UsernameWithoutPasswordFile_NamesBothKeys()
        => Assert.Contains(Errors(new ExternalBrokerOptions { Host = "h", Username = "gw" }),
            e => e.Contains("Mqtt:External:Username", StringComparison.Ordinal) && e.Contains("PasswordFile", StringComparison.Ordinal));

    [Fact]
    public void MissingFiles_AreNamedWithTheirKeyAndPath()
    {
        var missing = Path.Combine(_directory, "nope.pem");
        var errors = Errors(new ExternalBrokerOptions { Host = "h", Username = "gw", PasswordFile = missing, UseTls = true, CaFile = missing });

        Assert.Contains(errors, e => e.StartsWith("Mqtt:External:PasswordFile", StringComparison.Ordinal) && e.Contains(missing, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Mqtt:External:CaFile", StringComparison.Ordinal));
    }

    [Fact]
    public void CaFileWithoutTls_IsRefused()
        => Assert.Contains(Errors(new ExternalBrokerOptions { Host = "h", CaFile = File("ca.crt") }),
            e => e.Contains("UseTls", StringComparison.Ordinal));

    [Fact]
    public void ClientCertificateWithoutKey_IsRefused()
        => Assert.Contains(Errors(new ExternalBrokerOptions { Host = "h", UseTls = true, ClientCertificateFile = File("client.crt") }),
            e => e.Contains("ClientKeyFile", StringComparison.Ordinal));

    [Theory]
    [InlineData("gw/1")]
    [InlineData("gw #")]
    [InlineData("")]
    public void ClientIdThatCannotNameASession_IsRefused(string clientId)
        => Assert.Contains(Errors(new ExternalBrokerOptions { Host = "h", ClientId = clientId }),
            e => e.Contains("Mqtt:External:ClientId", StringComparison.Ordinal));

    [Fact]
    public void MaximumDelayBelowTheInitialDelay_IsRefused()
        => Assert.Contains(Errors(new ExternalBrokerOptions { Host = "h", ReconnectInitialDelaySeconds = 10, ReconnectMaxDelaySeconds = 1 }),
            e => e.Contains("ReconnectMaxDelaySeconds", StringComparison.Ordinal));

    [Fact]
    public void CompleteTlsSettings_AreValid()
        => Assert.Empty(Errors(new ExternalBrokerOptions
        {
            Host = "h", Port = 8883, Username = "gw", PasswordFile = File("pw"), UseTls = true, CaFile = File("ca.crt"),
            ClientCertificateFile = File("c.crt"), ClientKeyFile = File("c.key"),
        }));
}
