namespace Telehealth.Ingest.Storage;

/// <summary>
/// The time-series store refused the points themselves with a 4xx other than 401/403/404/408/429 (for example 400
/// "field type conflict"): resending the same points will fail again. <see cref="Exception.Message"/> and
/// <see cref="ServerMessage"/> carry the server's message. InfluxDB writes the other points of the request
/// ("partial write"): to learn which readings were refused, write them one at a time.
/// </summary>
public sealed class StorageRejectedException : Exception
{
    public StorageRejectedException()
    {
    }

    public StorageRejectedException(string message)
        : base(message)
    {
    }

    public StorageRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status the server answered with (400–499).</summary>
    public int StatusCode { get; init; }

    /// <summary>The server's own error text (from the JSON <c>error</c> member when there is one).</summary>
    public string ServerMessage { get; init; } = "";
}
