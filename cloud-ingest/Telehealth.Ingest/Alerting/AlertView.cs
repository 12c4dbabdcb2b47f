using System.Globalization;
using Telehealth.Alerts.Rules;
using Telehealth.Metadata.Alerts;

namespace Telehealth.Ingest.Alerting;

/// <summary>An alert as the API shows it: life cycle, the explanation of the firing that opened it and of the latest, and a link to the data.</summary>
public sealed record AlertView(
    string Id,
    string PatientId,
    string RuleId,
    string Subject,
    string Category,
    string Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset LastFiredAt,
    int FiringCount,
    AlertExplanation Explanation,
    AlertExplanation Latest,
    string DataLink,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    string? Resolution,
    IReadOnlyList<AlertNoteView>? Notes)
{
    public static AlertView From(StoredAlert alert, IReadOnlyList<AlertNote>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var first = AlertJson.Deserialize(alert.FirstFiringJson);
        var latest = AlertJson.Deserialize(alert.LatestFiringJson);
        return new AlertView(alert.Id, alert.PatientId, alert.RuleId, alert.Subject, alert.Category, alert.Status, alert.OpenedAt, alert.LastFiredAt,
            alert.FiringCount, AlertExplanation.From(first), AlertExplanation.From(latest), DataLinkFor(alert.PatientId, alert.RuleId, first.WindowStart, latest.WindowEnd),
            alert.AcknowledgedAt, alert.AcknowledgedBy, alert.ResolvedAt, alert.ResolvedBy, alert.Resolution,
            notes?.Select(n => new AlertNoteView(n.At, n.Kind, n.AuthorId is null ? n.AuthorKind : n.AuthorKind + ":" + n.AuthorId, n.Text)).ToList());
    }

    /// <summary>
    /// <c>/api/v1/patients/{id}/readings?metric=&amp;from=&amp;to=</c> over the window the alert rests on; the metric
    /// is the rule's first (its measurement for a component such as <c>blood_pressure.systolic</c>); none for the
    /// silence rule (all metrics).
    /// </summary>
    public static string DataLinkFor(string patientId, string ruleId, DateTimeOffset from, DateTimeOffset to)
    {
        var metrics = RuleCatalog.All.FirstOrDefault(r => r.Id == ruleId)?.Metrics ?? [];
        var metric = metrics.Count == 0 ? null : metrics[0].Split('.')[0];
        var query = string.Create(CultureInfo.InvariantCulture,
            $"from={Uri.EscapeDataString(from.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))}");
        return $"/api/v1/patients/{Uri.EscapeDataString(patientId)}/readings?" + (metric is null ? "" : "metric=" + Uri.EscapeDataString(metric) + "&") + query;
    }
}
