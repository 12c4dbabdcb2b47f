namespace Telehealth.Alerts.Profiles;

/// <summary>The condition a citizen is monitored for; it decides which rules are enabled by default.</summary>
public enum Condition
{
    /// <summary>Chronic heart failure.</summary>
    HeartFailure,

    /// <summary>Chronic obstructive pulmonary disease.</summary>
    Copd,

    /// <summary>Rehabilitation after knee surgery.</summary>
    KneeRehabilitation,

    /// <summary>Rehabilitation after hip surgery.</summary>
    HipRehabilitation,

    /// <summary>Citizen aged 45–55 at medium-to-high risk of chronic illness (early detection).</summary>
    AtRisk,
}
