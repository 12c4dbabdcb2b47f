namespace Telehealth.Metadata.Alerts;

/// <summary>A webhook notification waiting in the outbox (claimed by one dispatcher at a time).</summary>
public sealed record OutboxMessage(long Id, string AlertId, string Event, string IdempotencyKey, string PayloadJson, int Attempts);
