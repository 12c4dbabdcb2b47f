namespace Telehealth.Metadata.Alerts;

/// <summary>The outcome of acknowledging, resolving or annotating an alert.</summary>
public enum AlertTransition
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>There is no such alert.</summary>
    NotFound,

    /// <summary>The alert's status does not allow it (e.g. acknowledging a resolved alert).</summary>
    IllegalTransition,
}
