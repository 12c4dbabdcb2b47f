using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Telehealth.Ingest.Gateways;

/// <summary>Checks a gateway's id and bearer secret against the registry (constant-time comparison of hashes).</summary>
public sealed class GatewayAuthenticator(IOptionsMonitor<GatewayRegistryOptions> registry)
{
    /// <summary>Returns the gateway when the id and secret match, else null.</summary>
    public GatewayCredential? Authenticate(string? gatewayId, string? authorizationHeader)
    {
        if (string.IsNullOrEmpty(gatewayId) || authorizationHeader is null
            || !authorizationHeader.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return null;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorizationHeader["Bearer ".Length..].Trim()));
        foreach (var gateway in registry.CurrentValue.Known)
        {
            if (string.Equals(gateway.Id, gatewayId, StringComparison.Ordinal))
            {
                var expected = Convert.FromHexString(gateway.SecretSha256);
                return CryptographicOperations.FixedTimeEquals(presented, expected) ? gateway : null;
            }
        }

        return null;
    }
}
