namespace Telehealth.Metadata.Gateways;

/// <summary>What a presented gateway id and secret turned out to be.</summary>
public enum GatewayAuthStatus
{
    /// <summary>The secret is the gateway's current (or just promoted next) secret and is valid.</summary>
    Authenticated,

    /// <summary>No such gateway, no secret, or a secret that matches neither the current nor the next one.</summary>
    Unknown,

    /// <summary>The secret matches but its lifetime is over.</summary>
    Expired,

    /// <summary>The secret matches but the gateway is revoked.</summary>
    Revoked,
}
