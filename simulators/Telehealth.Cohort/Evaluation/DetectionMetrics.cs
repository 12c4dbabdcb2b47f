namespace Telehealth.Cohort.Evaluation;

/// <summary>Detection figures for one rule, or for the enabled rules together.</summary>
/// <param name="Name">Rule id or "overall".</param>
/// <param name="Patients">Citizens the figures cover.</param>
/// <param name="PatientMonths">Their monitored time, in months of 30.44 days.</param>
/// <param name="Episodes">Labelled episodes counted.</param>
/// <param name="Detected">Episodes with an alert opened in their detection window.</param>
/// <param name="TrueAlerts">Alerts opened inside some episode's window.</param>
/// <param name="FalseAlerts">Alerts opened outside every episode window.</param>
/// <param name="LeadDays">Lead time of each detected episode: onset day − day of the first alert in the window.</param>
public sealed record DetectionMetrics(
    string Name, int Patients, double PatientMonths, int Episodes, int Detected, int TrueAlerts, int FalseAlerts, IReadOnlyList<int> LeadDays)
{
    /// <summary>Detected / episodes; NaN without episodes.</summary>
    public double Sensitivity => Episodes == 0 ? double.NaN : Detected / (double)Episodes;

    /// <summary>False alerts per patient-month.</summary>
    public double FalseAlertsPerPatientMonth => PatientMonths == 0 ? double.NaN : FalseAlerts / PatientMonths;

    /// <summary>Median lead time in days; NaN when nothing was detected.</summary>
    public double MedianLeadDays
    {
        get
        {
            if (LeadDays.Count == 0)
            {
                return double.NaN;
            }

            var sorted = LeadDays.Order().ToList();
            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
        }
    }
}
