namespace Telehealth.Alerts.Rules;

/// <summary>Clinical alerts go to the care team; technical alerts to whoever looks after the devices.</summary>
public enum AlertCategory
{
    /// <summary>A change in the patient.</summary>
    Clinical,

    /// <summary>A device or gateway problem.</summary>
    Technical,
}
