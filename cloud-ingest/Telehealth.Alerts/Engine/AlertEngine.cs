using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Profiles;
using Telehealth.Alerts.Rules;

namespace Telehealth.Alerts.Engine;

/// <summary>
/// Evaluates a patient's rules at one instant. Pure: the same profile, observations and time give the same firings.
/// Observations must be in time order; those after <c>now</c> are ignored.
/// </summary>
public static class AlertEngine
{
    /// <summary>Evaluates the profile's enabled rules.</summary>
    public static IReadOnlyList<AlertFiring> Evaluate(PatientProfile profile, IReadOnlyList<Observation> observations, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Evaluate(profile, observations, now, RuleCatalog.Resolve(profile.EnabledRules));
    }

    /// <summary>Evaluates the given rules (e.g. a rule in shadow mode that is not enabled for the patient).</summary>
    public static IReadOnlyList<AlertFiring> Evaluate(
        PatientProfile profile, IReadOnlyList<Observation> observations, DateTimeOffset now, IReadOnlyList<IAlertRule> rules)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count == 0)
        {
            return [];
        }

        var lookbackDays = rules.Max(r => r.LookbackDays) + 1;
        var historyStart = LocalDays.StartOf(LocalDays.DayOf(now, profile.UtcOffset) - lookbackDays, profile.UtcOffset);
        var context = BuildContext(profile, observations, now, historyStart, rules);
        var firings = new List<AlertFiring>();
        foreach (var rule in rules)
        {
            firings.AddRange(rule.Evaluate(context));
        }

        return firings;
    }

    private static RuleContext BuildContext(
        PatientProfile profile, IReadOnlyList<Observation> observations, DateTimeOffset now, DateTimeOffset historyStart, IReadOnlyList<IAlertRule> rules)
    {
        var tables = new Dictionary<string, DailyTable>(StringComparer.Ordinal);
        foreach (var metric in rules.SelectMany(r => r.Metrics))
        {
            tables.TryAdd(metric, new DailyTable());
        }

        var devices = profile.Devices.Select(d => d.DeviceId).ToHashSet(StringComparer.Ordinal);
        var lastSeen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var offset = profile.UtcOffset;
        for (var i = FirstAtOrAfter(observations, historyStart); i < observations.Count; i++)
        {
            var observation = observations[i];
            if (observation.Time > now)
            {
                break;
            }

            if (tables.TryGetValue(observation.Metric, out var table))
            {
                table.Add(LocalDays.DayOf(observation.Time, offset), LocalDays.HourOf(observation.Time, offset), observation.Value);
            }

            if (observation.DeviceId is { } device && devices.Contains(device))
            {
                lastSeen[device] = observation.Time;
            }
        }

        return new RuleContext(profile, now, historyStart, tables, lastSeen);
    }

    private static int FirstAtOrAfter(IReadOnlyList<Observation> observations, DateTimeOffset time)
    {
        int low = 0, high = observations.Count;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (observations[mid].Time < time)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
