namespace Telehealth.Gateway.Core.Forwarding;

/// <summary>The batch bounds in force: from configuration, halved each time the ingest answers 413.</summary>
internal sealed record BatchLimits(int Readings, int Bytes);
