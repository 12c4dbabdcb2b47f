namespace Telehealth.Metadata.Alerts;

/// <summary>
/// An alert as the metadata store holds it. <see cref="FirstFiringJson"/> and <see cref="LatestFiringJson"/> are the
/// rule's findings (values, window, threshold or baseline, message, source) serialised by the ingest; the store does
/// not interpret them. <see cref="Status"/> is one of <see cref="AlertStatuses"/>.
/// </summary>
public sealed record StoredAlert(
    string Id,
    string PatientId,
    string RuleId,
    string Subject,
    string Category,
    string Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset LastFiredAt,
    int FiringCount,
    string FirstFiringJson,
    string LatestFiringJson,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    string? Resolution);
