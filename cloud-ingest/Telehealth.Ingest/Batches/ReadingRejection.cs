namespace Telehealth.Ingest.Batches;

/// <summary>Why one reading was rejected: the text for the gateway and its class (one of <c>Telemetry.RejectionClass</c>) for the metrics.</summary>
public readonly record struct ReadingRejection(string Class, string Reason);
