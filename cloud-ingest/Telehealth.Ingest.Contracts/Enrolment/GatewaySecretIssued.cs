namespace Telehealth.Ingest.Contracts.Enrolment;

/// <summary>
/// A gateway's new secret (answer to enrolment and rotation), shown once: the gateway keeps it in a 0600 file and
/// sends it as its bearer token. <see cref="ExpiresAtMs"/> is Unix milliseconds.
/// </summary>
public sealed record GatewaySecretIssued(string Secret, long ExpiresAtMs);
