namespace Telehealth.Metadata.Alerts;

/// <summary>The columns of <c>alerts</c> as Dapper reads them (numbers converted, times Unix ms).</summary>
internal sealed class AlertRow
{
    public const string Columns =
        "id AS Id, patient_id AS PatientId, rule_id AS RuleId, subject AS Subject, category AS Category, status AS Status, " +
        "opened_at AS OpenedAt, last_fired_at AS LastFiredAt, firing_count AS FiringCount, first_firing_json AS FirstFiringJson, " +
        "latest_firing_json AS LatestFiringJson, acknowledged_at AS AcknowledgedAt, acknowledged_by AS AcknowledgedBy, " +
        "resolved_at AS ResolvedAt, resolved_by AS ResolvedBy, resolution AS Resolution";

    public string Id { get; set; } = "";

    public string PatientId { get; set; } = "";

    public string RuleId { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Category { get; set; } = "";

    public string Status { get; set; } = "";

    public long OpenedAt { get; set; }

    public long LastFiredAt { get; set; }

    public long FiringCount { get; set; }

    public string FirstFiringJson { get; set; } = "";

    public string LatestFiringJson { get; set; } = "";

    public long? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public long? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }

    public string? Resolution { get; set; }

    public StoredAlert ToAlert() => new(
        Id, PatientId, RuleId, Subject, Category, Status, Ms(OpenedAt), Ms(LastFiredAt), (int)FiringCount, FirstFiringJson, LatestFiringJson,
        AcknowledgedAt is { } a ? Ms(a) : null, AcknowledgedBy, ResolvedAt is { } r ? Ms(r) : null, ResolvedBy, Resolution);

    private static DateTimeOffset Ms(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
