namespace Telehealth.Ingest.Storage;

/// <summary>
/// The time-series store could not be reached, timed out, failed (5xx, 408, 429), or refused us for a reason that is
/// our configuration's fault (401, 403, 404: credentials, database, bucket, URL). Nothing is known to be stored: the
/// caller should answer 503 and the gateway resends later. Replays are safe because the point key is deterministic.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status the server answered with, or null when no answer came (refused, timed out).</summary>
    public int? StatusCode { get; init; }
}
