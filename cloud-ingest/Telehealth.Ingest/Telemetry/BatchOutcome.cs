namespace Telehealth.Ingest.Telemetry;

/// <summary>The <c>outcome</c> label of <c>telehealth_ingest_batches_total</c> and the batch duration histogram, from the answer's status.</summary>
public static class BatchOutcome
{
    public const string Accepted = "accepted";
    public const string Malformed = "malformed";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string TooLarge = "too_large";
    public const string RateLimited = "rate_limited";
    public const string StorageUnavailable = "storage_unavailable";
    public const string Failed = "failed";

    /// <summary>The outcome for an HTTP status code of the batch endpoint.</summary>
    public static string FromStatus(int status) => status switch
    {
        >= 200 and < 300 => Accepted,
        401 => Unauthenticated,
        403 => Forbidden,
        413 => TooLarge,
        429 => RateLimited,
        503 => StorageUnavailable,
        >= 400 and < 500 => Malformed,
        _ => Failed,
    };
}
