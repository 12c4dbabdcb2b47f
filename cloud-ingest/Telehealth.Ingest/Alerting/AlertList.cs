namespace Telehealth.Ingest.Alerting;

/// <summary>The answer of <c>GET /api/v1/alerts</c>, newest first.</summary>
public sealed record AlertList(IReadOnlyList<AlertView> Alerts);
