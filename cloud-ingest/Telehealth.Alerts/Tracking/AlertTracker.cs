using System.Globalization;
using Telehealth.Alerts.Rules;

namespace Telehealth.Alerts.Tracking;

/// <summary>
/// Pure state machine over a patient's alerts: one active alert per rule and subject; a firing for a key with an
/// open or acknowledged alert is folded into it (never a duplicate); a new alert opens only after resolution.
/// State goes in and comes out, so no instance holds a patient.
/// </summary>
public static class AlertTracker
{
    /// <summary>Folds the firings of one evaluation at <paramref name="now"/> into <paramref name="state"/>.</summary>
    public static AlertTrackerResult Apply(
        PatientAlertState state, IReadOnlyList<AlertFiring> firings, DateTimeOffset now, AlertTrackerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(firings);
        options ??= AlertTrackerOptions.Default;
        var active = state.Active.ToDictionary(a => a.Key);
        var opened = new List<TrackedAlert>();
        var fired = new HashSet<AlertKey>();
        var suppressed = 0;
        foreach (var firing in firings)
        {
            if (!string.Equals(firing.PatientId, state.PatientId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Firing for patient '{firing.PatientId}' given to the state of '{state.PatientId}'.", nameof(firings));
            }

            var key = new AlertKey(firing.RuleId, firing.Subject);
            fired.Add(key);
            if (active.TryGetValue(key, out var existing))
            {
                active[key] = existing with { LatestFiring = firing, FiringCount = existing.FiringCount + 1 };
                suppressed++;
                continue;
            }

            var alert = new TrackedAlert(IdFor(state.PatientId, key, now), state.PatientId, firing.RuleId, firing.Subject,
                firing.Category, AlertStatus.Open, now, firing, firing, 1);
            active[key] = alert;
            opened.Add(alert);
        }

        var resolved = new List<TrackedAlert>();
        foreach (var (key, alert) in active.ToList())
        {
            var quiet = alert.Category == AlertCategory.Technical ? options.TechnicalQuietPeriod : options.ClinicalQuietPeriod;
            if (!fired.Contains(key) && quiet is { } period && now - alert.LastFiredAt >= period)
            {
                active.Remove(key);
                resolved.Add(alert with { Status = AlertStatus.Resolved, ResolvedAt = now, Resolution = "rule quiet" });
            }
        }

        var next = new PatientAlertState(state.PatientId, state.Active.Select(a => a.Key).Concat(opened.Select(a => a.Key))
            .Where(active.ContainsKey).Select(k => active[k]).ToList());
        return new AlertTrackerResult(next, opened, resolved, suppressed);
    }

    /// <summary>Marks an open alert acknowledged; it keeps blocking new alerts for its rule until resolved.</summary>
    public static PatientAlertState Acknowledge(PatientAlertState state, string alertId, string by, DateTimeOffset now)
    {
        var alert = Find(state, alertId);
        if (alert.Status != AlertStatus.Open)
        {
            return state;
        }

        return Replace(state, alert, alert with { Status = AlertStatus.Acknowledged, AcknowledgedAt = now, AcknowledgedBy = by });
    }

    /// <summary>Resolves an active alert by hand; the next firing of its rule opens a new alert.</summary>
    public static (PatientAlertState State, TrackedAlert Resolved) Resolve(PatientAlertState state, string alertId, DateTimeOffset now, string reason)
    {
        var alert = Find(state, alertId);
        var resolved = alert with { Status = AlertStatus.Resolved, ResolvedAt = now, Resolution = reason };
        return (state with { Active = state.Active.Where(a => !ReferenceEquals(a, alert)).ToList() }, resolved);
    }

    private static TrackedAlert Find(PatientAlertState state, string alertId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Active.FirstOrDefault(a => string.Equals(a.Id, alertId, StringComparison.Ordinal))
            ?? throw new KeyNotFoundException($"No active alert '{alertId}' for patient '{state.PatientId}'.");
    }

    private static PatientAlertState Replace(PatientAlertState state, TrackedAlert old, TrackedAlert updated)
        => state with { Active = state.Active.Select(a => ReferenceEquals(a, old) ? updated : a).ToList() };

    private static string IdFor(string patientId, AlertKey key, DateTimeOffset now)
        => string.Create(CultureInfo.InvariantCulture, $"{patientId}/{key.RuleId}/{key.Subject}/{now.UtcTicks}");
}
