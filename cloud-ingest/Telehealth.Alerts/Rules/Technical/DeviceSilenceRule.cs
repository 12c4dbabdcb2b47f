using Telehealth.Alerts.Observations;
using static Telehealth.Alerts.Rules.Formatting;

namespace Telehealth.Alerts.Rules.Technical;

/// <summary>
/// Technical silence: an expected device has sent nothing (readings or heartbeats) for longer than
/// max(<c>SilenceIntervals</c> × its expected interval, <c>SilenceMinimum</c>). One firing per device
/// (the firing's subject is the device id); category Technical, never mixed with clinical alerts.
/// </summary>
public sealed class DeviceSilenceRule : IAlertRule
{
    /// <inheritdoc/>
    public string Id => RuleIds.DeviceSilence;

    /// <inheritdoc/>
    public AlertCategory Category => AlertCategory.Technical;

    /// <inheritdoc/>
    public string Source => RuleSources.Technical;

    /// <inheritdoc/>
    public int LookbackDays => 7;

    /// <inheritdoc/>
    public IReadOnlyList<string> Metrics { get; } = [];

    /// <inheritdoc/>
    public IEnumerable<AlertFiring> Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Settings;
        foreach (var device in context.Profile.Devices)
        {
            var limit = TimeSpan.FromTicks(Math.Max((long)(device.ExpectedInterval.Ticks * s.SilenceIntervals), s.SilenceMinimum.Ticks));
            var since = context.TryGetLastSeen(device.DeviceId, out var lastSeen) ? lastSeen : context.HistoryStart;
            if (since < context.Profile.MonitoringStart)
            {
                since = context.Profile.MonitoringStart;
            }

            var silent = context.Now - since;
            if (silent <= limit)
            {
                continue;
            }

            var hours = silent.TotalHours;
            yield return new AlertFiring(Id, context.Profile.PatientId, device.DeviceId, Category, context.Now, since, context.Now,
                [new ObservedValue("hours silent", hours)],
                limit.TotalHours,
                Text($"expected every {F1(device.ExpectedInterval.TotalHours)} h; silent > {F1(limit.TotalHours)} h"),
                "h",
                Text($"Device {device.DeviceId} has sent nothing for {F0(hours)} h (since {since:yyyy-MM-dd HH:mm}), beyond {F1(limit.TotalHours)} h."),
                Source);
        }
    }
}
