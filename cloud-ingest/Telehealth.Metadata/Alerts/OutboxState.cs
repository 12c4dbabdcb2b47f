namespace Telehealth.Metadata.Alerts;

/// <summary>Where a notification stands: HTTP attempts so far, when it was delivered, the last error.</summary>
public sealed record OutboxState(string IdempotencyKey, int Attempts, DateTimeOffset? DeliveredAt, string? LastError);
