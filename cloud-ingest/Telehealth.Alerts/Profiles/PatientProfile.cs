using Telehealth.Alerts.Rules;

namespace Telehealth.Alerts.Profiles;

/// <summary>What the rules need to know about a patient: conditions, enabled rules, thresholds and devices.</summary>
/// <param name="PatientId">Pseudonymous patient id.</param>
/// <param name="Conditions">Conditions monitored.</param>
/// <param name="MonitoringStart">When monitoring began; windows before it are never judged (e.g. adherence).</param>
public sealed record PatientProfile(string PatientId, IReadOnlyList<Condition> Conditions, DateTimeOffset MonitoringStart)
{
    /// <summary>Rule ids evaluated; defaults to <see cref="RuleCatalog.DefaultRuleIds"/> for the conditions.</summary>
    public IReadOnlyList<string> EnabledRules { get; init; } = RuleCatalog.DefaultRuleIds(Conditions);

    /// <summary>Per-patient thresholds.</summary>
    public PatientRuleSettings Settings { get; init; } = PatientRuleSettings.Default;

    /// <summary>Devices watched by the technical-silence rule.</summary>
    public IReadOnlyList<ExpectedDevice> Devices { get; init; } = [];

    /// <summary>The patient's UTC offset; local days start at local midnight.</summary>
    public TimeSpan UtcOffset { get; init; } = TimeSpan.Zero;
}
