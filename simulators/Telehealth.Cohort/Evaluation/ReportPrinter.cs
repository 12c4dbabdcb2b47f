using System.Globalization;

namespace Telehealth.Cohort.Evaluation;

/// <summary>Writes the report; the last line is the machine-readable summary.</summary>
public static class ReportPrinter
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>.</summary>
    public static void Print(CohortReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var o = report.Options;
        Line(output, $"cohort: {o.Patients} citizens x {o.Days} days = {report.PatientYears:0.0} patient-years, seed {o.Seed}, daily evaluation at {o.EvaluationHour}:00 local");
        Line(output, $"detection window: alert opened on day in [onset - {o.LookaheadDays}, onset + {o.AfterOnsetDays}]; other clinical alerts are false");
        Line(output, $"episodes: {string.Join(", ", report.EpisodesByKind.Select(p => $"{p.Key} {p.Value}"))}");
        Line(output, $"");
        Line(output, $"{"rule",-36} {"patients",8} {"episodes",8} {"detected",8} {"sensitivity",11} {"false",6} {"false/pt-month",14} {"median_lead_d",13}");
        foreach (var rule in report.Rules)
        {
            Row(output, rule);
        }

        Line(output, $"");
        Line(output, $"heart-failure weight rules, side by side ({(report.HeartFailureWeight.Count > 0 ? report.HeartFailureWeight[0].Patients : 0)} citizens):");
        foreach (var rule in report.HeartFailureWeight)
        {
            Row(output, rule);
        }

        Line(output, $"");
        Line(output, $"enabled rules together, per condition:");
        foreach (var kind in report.OverallByKind)
        {
            Row(output, kind);
        }

        var t = report.Technical;
        Line(output, $"");
        Line(output, $"technical (not in clinical figures): {t.Alerts} silence alerts = {t.AlertsPerPatientMonth:0.00} per patient-month; dropouts >= 24 h detected {t.LongDropoutsDetected}/{t.LongDropouts}; alerts without a dropout {t.UnexplainedAlerts}");
        Line(output, $"duplicates: {report.SuppressedDuplicates} firings folded into open alerts; repeat alerts of one rule inside one episode window {report.RepeatAlertsInEpisode}");
        Line(output, $"");
        var chance = report.ChanceLevel;
        Line(output, $"{"chance level (episode-free windows)",-36} {chance.Patients,8} {chance.Episodes,8} {chance.Detected,8} {Num(chance.Sensitivity, "0.000"),11} {"-",6} {"-",14} {"-",13}");
        Line(output, $"{"overall (enabled)",-36} {report.Overall.Patients,8} {report.Overall.Episodes,8} {report.Overall.Detected,8} {Num(report.Overall.Sensitivity, "0.000"),11} {report.Overall.FalseAlerts,6} {Num(report.Overall.FalseAlertsPerPatientMonth, "0.000"),14} {Num(report.Overall.MedianLeadDays, "0.0"),13}");
        Line(output, $"sensitivity={Num(report.Overall.Sensitivity, "0.000")} false_alerts_per_patient_month={Num(report.Overall.FalseAlertsPerPatientMonth, "0.000")} median_lead_days={Num(report.Overall.MedianLeadDays, "0.0")}");
    }

    private static void Row(TextWriter output, DetectionMetrics m)
        => Line(output, $"{m.Name,-36} {m.Patients,8} {m.Episodes,8} {m.Detected,8} {Num(m.Sensitivity, "0.000"),11} {m.FalseAlerts,6} {Num(m.FalseAlertsPerPatientMonth, "0.000"),14} {Num(m.MedianLeadDays, "0.0"),13}");

    private static string Num(double value, string format)
        => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    private static void Line(TextWriter output, FormattableString text) => output.WriteLine(FormattableString.Invariant(text));
}
