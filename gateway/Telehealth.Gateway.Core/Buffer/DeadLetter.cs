namespace Telehealth.Gateway.Core.Buffer;

/// <summary>Something refused as invalid, kept with its reason so it is visible and counted, never silently dropped.</summary>
/// <param name="Source">Where it was refused: <c>mqtt</c> (payload contract) or <c>ingest</c> (the cloud rejected it).</param>
/// <param name="DeviceId">The device, when known.</param>
/// <param name="Reason">Why it was refused.</param>
/// <param name="Payload">The original bytes (MQTT payload, or the reading as JSON).</param>
public sealed record DeadLetter(string Source, string? DeviceId, string Reason, ReadOnlyMemory<byte> Payload);
