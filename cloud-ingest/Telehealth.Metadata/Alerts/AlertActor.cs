namespace Telehealth.Metadata.Alerts;

/// <summary>Who changes an alert: a therapist (kind <c>therapist</c>) or the system (rule quiet).</summary>
public sealed record AlertActor(string Kind, string? Id)
{
    /// <summary>How the actor is written in <c>acknowledged_by</c> / <c>resolved_by</c>: <c>kind:id</c>.</summary>
    public override string ToString() => Id is null ? Kind : Kind + ":" + Id;
}
