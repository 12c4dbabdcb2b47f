using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Profiles;

namespace Telehealth.Alerts.Rules;

/// <summary>What a rule sees: the patient, the evaluation time and the patient's readings folded per local day.</summary>
public sealed class RuleContext
{
    private readonly IReadOnlyDictionary<string, DailyTable> _tables;
    private readonly IReadOnlyDictionary<string, DateTimeOffset> _lastSeen;

    /// <summary>Creates a context; <see cref="AlertEngine"/> builds it from the observations.</summary>
    public RuleContext(
        PatientProfile profile,
        DateTimeOffset now,
        DateTimeOffset historyStart,
        IReadOnlyDictionary<string, DailyTable> tables,
        IReadOnlyDictionary<string, DateTimeOffset> lastSeenByDevice)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        Now = now;
        HistoryStart = historyStart;
        Today = LocalDays.DayOf(now, profile.UtcOffset);
        FirstMonitoredDay = LocalDays.DayOf(profile.MonitoringStart, profile.UtcOffset);
        _tables = tables;
        _lastSeen = lastSeenByDevice;
    }

    /// <summary>The patient.</summary>
    public PatientProfile Profile { get; }

    /// <summary>The patient's thresholds.</summary>
    public PatientRuleSettings Settings => Profile.Settings;

    /// <summary>The evaluation time; no reading after it is seen.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The oldest time the engine read readings from.</summary>
    public DateTimeOffset HistoryStart { get; }

    /// <summary>The local day of <see cref="Now"/> (a <see cref="DateOnly.DayNumber"/>); it may be incomplete.</summary>
    public int Today { get; }

    /// <summary>The local day monitoring began.</summary>
    public int FirstMonitoredDay { get; }

    /// <summary>The metric's readings per local day (readings up to <see cref="Now"/>).</summary>
    public DailyTable Daily(string metric) => _tables.TryGetValue(metric, out var table) ? table : DailyTable.Empty;

    /// <summary>When the device last reported within the history read, if it did.</summary>
    public bool TryGetLastSeen(string deviceId, out DateTimeOffset lastSeen) => _lastSeen.TryGetValue(deviceId, out lastSeen);

    /// <summary>Local midnight starting <paramref name="day"/>.</summary>
    public DateTimeOffset StartOf(int day) => LocalDays.StartOf(day, Profile.UtcOffset);

    /// <summary>Local midnight ending <paramref name="day"/>, capped at <see cref="Now"/>.</summary>
    public DateTimeOffset EndOf(int day)
    {
        var end = LocalDays.StartOf(day + 1, Profile.UtcOffset);
        return end < Now ? end : Now;
    }

    /// <summary>A clinical firing with the common fields filled in.</summary>
    public AlertFiring Clinical(
        IAlertRule rule,
        int firstDay,
        int lastDay,
        IReadOnlyList<ObservedValue> observed,
        double threshold,
        string reference,
        string unit,
        string message)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new AlertFiring(rule.Id, Profile.PatientId, string.Empty, AlertCategory.Clinical, Now, StartOf(firstDay), EndOf(lastDay),
            observed, threshold, reference, unit, message, rule.Source);
    }
}
