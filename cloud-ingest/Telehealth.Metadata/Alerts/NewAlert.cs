namespace Telehealth.Metadata.Alerts;

/// <summary>An alert an evaluation wants to open (the store gives it its id).</summary>
public sealed record NewAlert(string RuleId, string Subject, string Category, DateTimeOffset OpenedAt, string FiringJson);
