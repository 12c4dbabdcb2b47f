using Telehealth.Alerts.Rules;
using Telehealth.Alerts.Tracking;
using Telehealth.Metadata.Alerts;

namespace Telehealth.Ingest.Alerting;

/// <summary>
/// Runs the pure <see cref="AlertTracker"/> over the alerts stored for a patient and turns its result into the
/// changes the store applies: alerts to open, firings folded into active alerts, alerts resolved because their rule
/// stayed quiet. Alerts a clinician resolved by hand hold back firings on the same evidence. Runs inside the store's
/// transaction.
/// </summary>
public static class AlertDecision
{
    public static AlertChanges Decide(
        string patientId, PatientAlerts alerts, IReadOnlyList<AlertFiring> firings, DateTimeOffset now, AlertTrackerOptions options)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var stored = alerts.Active.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var state = new PatientAlertState(patientId, alerts.Active.Select(ToTracked).ToList())
        {
            ResolvedByHand = alerts.ResolvedByHand.Select(ToTracked).ToList(),
        };
        var result = AlertTracker.Apply(state, firings, now, options);

        var opened = result.Opened
            .Select(a => new NewAlert(a.RuleId, a.Subject, AlertJson.CategoryName(a.Category), a.OpenedAt, AlertJson.Serialize(a.FirstFiring)))
            .ToList();
        var openedIds = result.Opened.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var folded = new List<AlertFold>();
        foreach (var alert in result.State.Active.Where(a => !openedIds.Contains(a.Id)))
        {
            if (stored.TryGetValue(alert.Id, out var before) && alert.FiringCount > before.FiringCount)
            {
                folded.Add(new AlertFold(alert.Id, alert.LatestFiring.EvaluatedAt, AlertJson.Serialize(alert.LatestFiring), alert.FiringCount - before.FiringCount));
            }
        }

        var resolved = result.Resolved
            .Where(a => stored.ContainsKey(a.Id))
            .Select(a => new AlertQuietResolution(a.Id, stored[a.Id].LastFiredAt, now, a.Resolution ?? "rule quiet"))
            .ToList();
        return new AlertChanges(opened, folded, resolved);
    }

    /// <summary>The tracker's view of a stored alert.</summary>
    public static TrackedAlert ToTracked(StoredAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var first = AlertJson.Deserialize(alert.FirstFiringJson);
        var latest = AlertJson.Deserialize(alert.LatestFiringJson);
        return new TrackedAlert(alert.Id, alert.PatientId, alert.RuleId, alert.Subject,
            alert.Category == "technical" ? AlertCategory.Technical : AlertCategory.Clinical,
            alert.Status switch
            {
                AlertStatuses.Acknowledged => AlertStatus.Acknowledged,
                AlertStatuses.Resolved => AlertStatus.Resolved,
                _ => AlertStatus.Open,
            },
            alert.OpenedAt, first, latest, alert.FiringCount)
        {
            AcknowledgedAt = alert.AcknowledgedAt,
            AcknowledgedBy = alert.AcknowledgedBy,
            ResolvedAt = alert.ResolvedAt,
            Resolution = alert.Resolution,
        };
    }
}
