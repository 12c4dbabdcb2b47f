namespace Telehealth.Alerts.Rules;

/// <summary>A relapse or technical rule: a pure function of the patient's data up to the evaluation time.</summary>
public interface IAlertRule
{
    /// <summary>Stable id, see <see cref="RuleIds"/>.</summary>
    string Id { get; }

    /// <summary>Clinical or technical.</summary>
    AlertCategory Category { get; }

    /// <summary>Where the rule comes from.</summary>
    string Source { get; }

    /// <summary>How far back the rule reads; the engine gives it at least this much history.</summary>
    int LookbackDays { get; }

    /// <summary>The metrics the rule reads (the engine folds only these per day).</summary>
    IReadOnlyList<string> Metrics { get; }

    /// <summary>The findings at <see cref="RuleContext.Now"/>; empty when the rule does not fire.</summary>
    IEnumerable<AlertFiring> Evaluate(RuleContext context);
}
