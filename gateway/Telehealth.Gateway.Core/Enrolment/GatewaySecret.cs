using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Forwarding;

namespace Telehealth.Gateway.Core.Enrolment;

/// <summary>
/// The gateway's secret for the ingest: from <see cref="ForwarderOptions.Secret"/> or the secret file at start, or —
/// when the file is missing and an enrolment code is configured — once <see cref="SelfEnrolmentService"/> has exchanged
/// the code. Callers await <see cref="GetAsync"/>, so nothing is sent before the gateway has a secret.
/// </summary>
public sealed class GatewaySecret
{
    private readonly TaskCompletionSource<string> _secret = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GatewaySecret(IOptions<ForwarderOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var forwarder = options.Value;
        if (!string.IsNullOrEmpty(forwarder.Secret) || (!string.IsNullOrEmpty(forwarder.SecretFile) && File.Exists(forwarder.SecretFile)))
        {
            _secret.SetResult(forwarder.ResolveSecret());
        }
    }

    /// <summary>True once the secret is known.</summary>
    public bool IsKnown => _secret.Task.IsCompleted;

    /// <summary>The secret; waits for enrolment when the gateway has none yet.</summary>
    public Task<string> GetAsync(CancellationToken cancellationToken) => _secret.Task.WaitAsync(cancellationToken);

    /// <summary>Sets the secret obtained by enrolment.</summary>
    public void Set(string secret) => _secret.TrySetResult(secret);
}
