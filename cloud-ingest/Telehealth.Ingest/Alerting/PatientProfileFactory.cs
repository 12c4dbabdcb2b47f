using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Telehealth.Alerts.Profiles;
using Telehealth.Alerts.Rules;
using Telehealth.Metadata.People;

namespace Telehealth.Ingest.Alerting;

/// <summary>
/// Turns a <see cref="Patient"/> row into the rules' <see cref="PatientProfile"/>: <c>condition</c> (comma-separated
/// <c>heart_failure</c>, <c>copd</c>, <c>knee_rehab</c>, <c>hip_rehab</c>, <c>knee_hip_rehab</c>, <c>at_risk</c>;
/// none = the rules every patient gets), <c>settings_json</c> (<see cref="PatientSettingsDocument"/>), the UTC
/// offset, and monitoring from the patient's creation. A bad row gives an error naming what is wrong.
/// </summary>
public static class PatientProfileFactory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Builds the profile, or says why it cannot.</summary>
    public static bool TryCreate(Patient patient, [NotNullWhen(true)] out PatientProfile? profile, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(patient);
        profile = null;
        var conditions = new List<Condition>();
        foreach (var name in (patient.Condition ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ParseCondition(name) is not { } condition)
            {
                error = $"unknown condition '{name}' (heart_failure, copd, knee_rehab, hip_rehab, knee_hip_rehab, at_risk)";
                return false;
            }

            conditions.Add(condition);
        }

        PatientSettingsDocument settings;
        try
        {
            settings = string.IsNullOrWhiteSpace(patient.SettingsJson)
                ? new PatientSettingsDocument()
                : JsonSerializer.Deserialize<PatientSettingsDocument>(patient.SettingsJson, Json) ?? new PatientSettingsDocument();
        }
        catch (JsonException ex)
        {
            error = "settings_json is not valid: " + ex.Message;
            return false;
        }

        var offered = RuleCatalog.All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        if (settings.EnabledRules?.FirstOrDefault(id => !offered.Contains(id)) is { } unknown)
        {
            error = $"settings_json enables unknown rule '{unknown}'";
            return false;
        }

        if (settings.Devices?.FirstOrDefault(d => string.IsNullOrEmpty(d.DeviceId) || !(d.ExpectedIntervalHours > 0)) is { } device)
        {
            error = $"settings_json device '{device.DeviceId}' needs an id and expectedIntervalHours > 0";
            return false;
        }

        profile = new PatientProfile(patient.Id, conditions, patient.CreatedAt)
        {
            EnabledRules = settings.EnabledRules ?? RuleCatalog.DefaultRuleIds(conditions),
            Settings = settings.Thresholds ?? PatientRuleSettings.Default,
            Devices = (settings.Devices ?? []).Select(d => new ExpectedDevice(d.DeviceId, TimeSpan.FromHours(d.ExpectedIntervalHours))).ToList(),
            UtcOffset = TimeSpan.FromMinutes(patient.UtcOffsetMinutes),
        };
        error = null;
        return true;
    }

    private static Condition? ParseCondition(string name) => name switch
    {
        "heart_failure" => Condition.HeartFailure,
        "copd" => Condition.Copd,
        "knee_rehab" or "knee_hip_rehab" => Condition.KneeRehabilitation,
        "hip_rehab" => Condition.HipRehabilitation,
        "at_risk" => Condition.AtRisk,
        _ => null,
    };
}
