namespace Telehealth.Metadata.Alerts;

/// <summary>
/// Filters for listing alerts. <see cref="CareTeamId"/> restricts the list to the team's patients (a therapist never
/// sees another team's alerts). Newest first, at most <see cref="Limit"/>.
/// </summary>
public sealed record AlertQuery
{
    public string? CareTeamId { get; init; }

    public string? PatientId { get; init; }

    public string? Status { get; init; }

    public string? Category { get; init; }

    public string? RuleId { get; init; }

    /// <summary>Only alerts opened at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    public int Limit { get; init; } = 200;
}
