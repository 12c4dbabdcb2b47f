namespace Telehealth.Metadata.Alerts;

/// <summary>
/// An active alert resolved by the system because its rule stayed quiet. Applied only if the alert has not fired
/// since <see cref="ExpectedLastFiredAt"/> (another instance may have folded a firing into it meanwhile).
/// </summary>
public sealed record AlertQuietResolution(string AlertId, DateTimeOffset ExpectedLastFiredAt, DateTimeOffset ResolvedAt, string Reason);
