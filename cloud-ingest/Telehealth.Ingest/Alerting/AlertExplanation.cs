using Telehealth.Alerts.Rules;

namespace Telehealth.Ingest.Alerting;

/// <summary>Why an alert fired: the sentence, the values seen, the window, the threshold or baseline, the source.</summary>
public sealed record AlertExplanation(
    string Message,
    DateTimeOffset EvaluatedAt,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    IReadOnlyList<ExplainedValue> Values,
    double? Threshold,
    string Reference,
    string Unit,
    string Source)
{
    public static AlertExplanation From(AlertFiring firing)
    {
        ArgumentNullException.ThrowIfNull(firing);
        return new AlertExplanation(firing.Message, firing.EvaluatedAt, firing.WindowStart, firing.WindowEnd,
            firing.Observed.Select(v => new ExplainedValue(v.Label, Finite(v.Value))).ToList(),
            Finite(firing.Threshold), firing.Reference, firing.Unit, firing.Source);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
