namespace Telehealth.Alerts.Tracking;

/// <summary>Life cycle of a tracked alert: open → acknowledged → resolved.</summary>
public enum AlertStatus
{
    /// <summary>Raised, nobody has looked at it.</summary>
    Open,

    /// <summary>A clinician has seen it; it still blocks a new alert for the same rule.</summary>
    Acknowledged,

    /// <summary>Closed by a clinician or because the rule was quiet long enough; a new firing may open a new alert.</summary>
    Resolved,
}
