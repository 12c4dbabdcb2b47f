using Telehealth.Alerts.Observations;
using static Telehealth.Alerts.Rules.Formatting;

namespace Telehealth.Alerts.Rules.Rehab;

/// <summary>
/// Adherence: exercise sessions done (one <c>session_duration</c> reading per session) in the last
/// <c>RehabAdherenceDays</c> complete days are below <c>RehabAdherenceFraction</c> of the prescription
/// (<c>RehabSessionsPerWeek</c> scaled to the window). Silent without a plan and until the window lies inside the
/// monitored time.
/// </summary>
public sealed class RehabAdherenceRule : IAlertRule
{
    /// <inheritdoc/>
    public string Id => RuleIds.RehabAdherence;

    /// <inheritdoc/>
    public AlertCategory Category => AlertCategory.Clinical;

    /// <inheritdoc/>
    public string Source => RuleSources.Rehab;

    /// <inheritdoc/>
    public int LookbackDays => 29;

    /// <inheritdoc/>
    public IReadOnlyList<string> Metrics { get; } = [MetricNames.SessionDuration];

    /// <inheritdoc/>
    public IEnumerable<AlertFiring> Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Settings;
        var first = context.Today - s.RehabAdherenceDays;
        if (s.RehabSessionsPerWeek <= 0 || first < context.FirstMonitoredDay)
        {
            yield break;
        }

        var done = 0;
        var table = context.Daily(MetricNames.SessionDuration);
        for (var day = first; day < context.Today; day++)
        {
            if (table.TryGet(day, out var aggregate))
            {
                done += aggregate.Count;
            }
        }

        var prescribed = s.RehabSessionsPerWeek * s.RehabAdherenceDays / 7.0;
        var needed = s.RehabAdherenceFraction * prescribed;
        if (done >= needed)
        {
            yield break;
        }

        yield return context.Clinical(this, first, context.Today - 1,
            [new ObservedValue($"sessions {Day(first)}–{Day(context.Today - 1)}", done), new ObservedValue($"prescribed in {s.RehabAdherenceDays} days", prescribed)],
            needed,
            Text($"{s.RehabAdherenceFraction:P0} of {s.RehabSessionsPerWeek} prescribed sessions per week over {s.RehabAdherenceDays} days"),
            "{sessions}",
            Text($"{done} of {F0(prescribed)} prescribed exercise sessions done in the last {s.RehabAdherenceDays} days (fewer than {F1(needed)})."));
    }
}
