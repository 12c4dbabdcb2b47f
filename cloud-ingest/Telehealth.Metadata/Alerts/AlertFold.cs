namespace Telehealth.Metadata.Alerts;

/// <summary>A firing folded into an active alert: its latest finding is replaced and its firing count grows.</summary>
public sealed record AlertFold(string AlertId, DateTimeOffset LastFiredAt, string LatestFiringJson, int Firings);
