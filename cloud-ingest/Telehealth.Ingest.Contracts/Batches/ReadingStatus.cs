namespace Telehealth.Ingest.Contracts.Batches;

/// <summary>What the ingest did with one reading.</summary>
public static class ReadingStatus
{
    /// <summary>Written to the time-series store (or already there: replays are idempotent).</summary>
    public const string Stored = "stored";

    /// <summary>Refused as invalid; the reason says why. The gateway dead-letters it and does not resend it.</summary>
    public const string Rejected = "rejected";
}
