namespace Telehealth.Gateway.Status;

/// <summary>A dead letter as the status page lists it.</summary>
public sealed record DeadLetterView(long Id, long AtMs, string Source, string? DeviceId, string Reason);
