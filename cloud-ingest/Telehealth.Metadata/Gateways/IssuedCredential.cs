namespace Telehealth.Metadata.Gateways;

/// <summary>A freshly issued enrolment code or gateway secret: shown once, only its SHA-256 is stored.</summary>
public sealed record IssuedCredential(string Value, DateTimeOffset ExpiresAt);
