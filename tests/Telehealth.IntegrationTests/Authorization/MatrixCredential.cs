namespace Telehealth.IntegrationTests.Authorization;

/// <summary>
/// A credential of the matrix: its kind, the gateway id it claims (gateway kind), the secret, token or code it
/// presents, its own and another target, the status it must get and a word the problem detail must contain.
/// </summary>
public sealed record MatrixCredential(
    string Name,
    CredentialKind Kind,
    string? GatewayId,
    string? Secret,
    RequestTarget Own,
    RequestTarget Other,
    int Status = 401,
    string? DetailContains = null)
{
    /// <summary>A valid credential aimed only at another gateway's or patient's data.</summary>
    public bool OnlyOther { get; init; }
}
