using System.ComponentModel.DataAnnotations;
using Telehealth.Gateway.Core.Forwarding;

namespace Telehealth.UnitTests.Gateway.Forwarding;

public sealed class ForwarderEnrolmentOptionsTests
{
    [Fact]
    public void MissingSecretFile_IsAnError_WithoutAnEnrolmentCode()
        => Assert.Contains(Errors(new ForwarderOptions { IngestUrl = "http://127.0.0.1:1", SecretFile = "/nonexistent/s" }),
            e => e.Contains("does not exist", StringComparison.Ordinal));

    [Fact]
    public void MissingSecretFile_IsFine_WithAnEnrolmentCode()
        => Assert.Empty(Errors(new ForwarderOptions { IngestUrl = "http://127.0.0.1:1", SecretFile = "/nonexistent/s", EnrolmentCode = "code" }));

    [Fact]
    public void EnrolmentCode_NeedsASecretFile()
        => Assert.Contains(Errors(new ForwarderOptions { IngestUrl = "http://127.0.0.1:1", Secret = "s", EnrolmentCode = "code" }),
            e => e.Contains("needs Forwarder:SecretFile", StringComparison.Ordinal));

    private static List<string> Errors(ForwarderOptions options)
        => options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage ?? "").ToList();
}
