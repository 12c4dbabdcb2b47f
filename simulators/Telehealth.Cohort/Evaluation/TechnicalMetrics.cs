namespace Telehealth.Cohort.Evaluation;

/// <summary>Technical-silence figures, kept apart from the clinical ones.</summary>
/// <param name="Alerts">Technical alerts opened.</param>
/// <param name="PatientMonths">Monitored time.</param>
/// <param name="LongDropouts">Dropouts of 24 h or more.</param>
/// <param name="LongDropoutsDetected">Of those, how many got a technical alert while silent or within a day after.</param>
/// <param name="UnexplainedAlerts">Technical alerts with no dropout of their device or the gateway in the day before.</param>
public sealed record TechnicalMetrics(int Alerts, double PatientMonths, int LongDropouts, int LongDropoutsDetected, int UnexplainedAlerts)
{
    /// <summary>Technical alerts per patient-month.</summary>
    public double AlertsPerPatientMonth => PatientMonths == 0 ? double.NaN : Alerts / PatientMonths;
}
