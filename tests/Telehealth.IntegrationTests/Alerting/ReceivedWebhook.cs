namespace Telehealth.IntegrationTests.Alerting;

/// <summary>One request the test receiver got, and what it answered.</summary>
internal sealed record ReceivedWebhook(string? IdempotencyKey, string? Signature, string? Event, byte[] Body, int Answered);
