using Telehealth.Alerts.Rules;

namespace Telehealth.Cohort.Evaluation;

/// <summary>An alert the tracker opened during the run.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Subject">Device for technical alerts, empty otherwise.</param>
/// <param name="Category">Clinical or technical.</param>
/// <param name="Day">Simulation day of the evaluation that opened it.</param>
/// <param name="OpenedAt">The evaluation time.</param>
public sealed record OpenedAlert(string RuleId, string Subject, AlertCategory Category, int Day, DateTimeOffset OpenedAt);
