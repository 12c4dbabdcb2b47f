using Telehealth.Alerts.Observations;
using static Telehealth.Alerts.Rules.Formatting;

namespace Telehealth.Alerts.Rules.Rehab;

/// <summary>
/// Adherence: exercise sessions done (one <c>session_duration</c> reading per session) in the last 7 complete days are
/// below <c>RehabAdherenceFraction</c> of <c>RehabSessionsPerWeek</c>. Silent without a plan and during the
/// first 7 days of monitoring.
/// </summary>
public sealed class RehabAdherenceRule : IAlertRule
{
    private const int Week = 7;

    /// <inheritdoc/>
    public string Id => RuleIds.RehabAdherence;

    /// <inheritdoc/>
    public AlertCategory Category => AlertCategory.Clinical;

    /// <inheritdoc/>
    public string Source => RuleSources.Rehab;

    /// <inheritdoc/>
    public int LookbackDays => 8;

    /// <inheritdoc/>
    public IReadOnlyList<string> Metrics { get; } = [MetricNames.SessionDuration];

    /// <inheritdoc/>
    public IEnumerable<AlertFiring> Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Settings;
        var first = context.Today - Week;
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

        var needed = s.RehabAdherenceFraction * s.RehabSessionsPerWeek;
        if (done >= needed)
        {
            yield break;
        }

        yield return context.Clinical(this, first, context.Today - 1,
            [new ObservedValue($"sessions {Day(first)}–{Day(context.Today - 1)}", done), new ObservedValue("prescribed per week", s.RehabSessionsPerWeek)],
            needed,
            Text($"{s.RehabAdherenceFraction:P0} of {s.RehabSessionsPerWeek} prescribed sessions per week"),
            "{sessions}",
            Text($"{done} of {s.RehabSessionsPerWeek} prescribed exercise sessions done in the last 7 days (fewer than {F1(needed)})."));
    }
}
