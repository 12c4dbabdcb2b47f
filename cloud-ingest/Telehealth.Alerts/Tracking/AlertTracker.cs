using System.Globalization;
using Telehealth.Alerts.Rules;

namespace Telehealth.Alerts.Tracking;

/// <summary>
/// Pure state machine over a patient's alerts: one active alert per rule and subject; a firing for a key with an
/// open or acknowledged alert is folded into it (never a duplicate); a new alert opens only after resolution — and
/// after a clinician resolved it by hand, only on new evidence (<see cref="SameEvidence"/>), so re-evaluating the
/// data the clinician has just dealt with does not raise the same alert again. State goes in and comes out, so no
/// instance holds a patient.
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
        var handled = new Dictionary<AlertKey, TrackedAlert>();
        foreach (var alert in state.ResolvedByHand)
        {
            handled.TryAdd(alert.Key, alert);
        }

        var opened = new List<TrackedAlert>();
        var fired = new HashSet<AlertKey>();
        var suppressed = 0;
        var held = 0;
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

            if (handled.TryGetValue(key, out var resolvedByHand) && SameEvidence(resolvedByHand.LatestFiring, firing))
            {
                held++;
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
            .Where(active.ContainsKey).Select(k => active[k]).ToList())
        {
            ResolvedByHand = [.. handled.Values.Where(a => !active.ContainsKey(a.Key))],
        };
        return new AlertTrackerResult(next, opened, resolved, suppressed, held);
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

    /// <summary>Resolves an active alert by hand; the next firing of its rule on new evidence opens a new alert.</summary>
    public static (PatientAlertState State, TrackedAlert Resolved) Resolve(PatientAlertState state, string alertId, DateTimeOffset now, string reason)
    {
        var alert = Find(state, alertId);
        var resolved = alert with { Status = AlertStatus.Resolved, ResolvedAt = now, Resolution = reason };
        return (state with
        {
            Active = state.Active.Where(a => !ReferenceEquals(a, alert)).ToList(),
            ResolvedByHand = [.. state.ResolvedByHand.Where(a => a.Key != alert.Key), resolved],
        }, resolved);
    }

    /// <summary>
    /// Whether <paramref name="firing"/> rests on the evidence of <paramref name="resolved"/> (the latest firing of an
    /// alert a clinician resolved): its window starts at the same moment and it saw the same values — the labels name
    /// the days and how many readings, so a new reading or a new day is new evidence. A technical alert's evidence is
    /// the silence since the same moment (its hours grow with every evaluation): until the device is heard from again.
    /// </summary>
    public static bool SameEvidence(AlertFiring resolved, AlertFiring firing)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(firing);
        return string.Equals(resolved.RuleId, firing.RuleId, StringComparison.Ordinal)
            && string.Equals(resolved.Subject, firing.Subject, StringComparison.Ordinal)
            && resolved.WindowStart == firing.WindowStart
            && (firing.Category == AlertCategory.Technical || resolved.Observed.SequenceEqual(firing.Observed));
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
