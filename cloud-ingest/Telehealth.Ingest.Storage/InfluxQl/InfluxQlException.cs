namespace Telehealth.Ingest.Storage.InfluxQl;

/// <summary>InfluxDB answered an InfluxQL request with an error (a bad query, an unknown database, no permission).</summary>
public sealed class InfluxQlException : Exception
{
    public InfluxQlException()
    {
    }

    public InfluxQlException(string message)
        : base(message)
    {
    }

    public InfluxQlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The server's error text.</summary>
    public string ServerMessage { get; init; } = "";

    /// <summary>The HTTP status: 200 when the error came inside a successful answer, as InfluxDB does for statements.</summary>
    public int StatusCode { get; init; }
}
