using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Enrolment;
using Telehealth.Gateway.Core.Forwarding;

namespace Telehealth.UnitTests.Gateway.Enrolment;

public sealed class GatewaySecretTests
{
    [Fact]
    public async Task ConfiguredSecret_IsKnownAtOnce()
    {
        var secret = new GatewaySecret(Options.Create(new ForwarderOptions { IngestUrl = "http://x", Secret = "abc" }));

        Assert.True(secret.IsKnown);
        Assert.Equal("abc", await secret.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MissingSecretFile_MakesCallersWait_UntilEnrolmentSetsIt()
    {
        var secret = new GatewaySecret(Options.Create(new ForwarderOptions
        {
            IngestUrl = "http://x", SecretFile = "/nonexistent/th-gateway.secret", EnrolmentCode = "code",
        }));

        var waiting = secret.GetAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        secret.Set("issued");

        Assert.Equal("issued", await waiting);
    }

    [Fact]
    public async Task WaitingForTheSecret_EndsWhenCancelled()
    {
        var secret = new GatewaySecret(Options.Create(new ForwarderOptions { IngestUrl = "http://x", SecretFile = "/nonexistent/s", EnrolmentCode = "c" }));
        using var cancel = new CancellationTokenSource();

        var waiting = secret.GetAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
