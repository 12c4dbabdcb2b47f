namespace Telehealth.Ingest.Storage;

/// <summary>
/// The time-series store answered a write with a 4xx (for example a field type conflict or an unknown database):
/// resending the same points will fail again. <see cref="Exception.Message"/> carries the server's message.
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
