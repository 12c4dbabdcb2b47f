using Telehealth.Alerts.Profiles;

namespace Telehealth.Ingest.Alerting;

/// <summary>
/// <c>patients.settings_json</c>: the rules enabled for the patient (default: the condition's rules), per-patient
/// thresholds (any <see cref="PatientRuleSettings"/> property, camelCase; the rest keep their documented defaults)
/// and the devices watched for silence. Unknown keys are an error, not silently ignored.
/// </summary>
public sealed class PatientSettingsDocument
{
    public IReadOnlyList<string>? EnabledRules { get; set; }

    public PatientRuleSettings? Thresholds { get; set; }

    public IReadOnlyList<ExpectedDeviceSetting>? Devices { get; set; }
}
