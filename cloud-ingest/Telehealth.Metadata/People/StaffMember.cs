namespace Telehealth.Metadata.People;

/// <summary>An authenticated member of staff: a therapist (with the care team whose patients they may see) or an operator.</summary>
public sealed record StaffMember(string Kind, string Id, string? CareTeamId)
{
    public const string TherapistKind = "therapist";

    public const string OperatorKind = "operator";
}
