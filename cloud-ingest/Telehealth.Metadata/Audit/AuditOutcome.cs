namespace Telehealth.Metadata.Audit;

/// <summary>The outcome values of <see cref="AuditEntry.Outcome"/>.</summary>
public static class AuditOutcome
{
    public const string Allowed = "allowed";

    public const string Denied = "denied";
}
