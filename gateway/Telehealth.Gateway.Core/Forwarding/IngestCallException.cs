using System.Net;

namespace Telehealth.Gateway.Core.Forwarding;

/// <summary>The ingest answered a batch with a non-success status; the batch stays in the buffer.</summary>
public sealed class IngestCallException : Exception
{
    public IngestCallException()
    {
    }

    public IngestCallException(string message)
        : base(message)
    {
    }

    public IngestCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IngestCallException(HttpStatusCode status, string detail)
        : base($"ingest answered {(int)status} {status}: {detail}")
    {
        Status = status;
    }

    public IngestCallException(HttpStatusCode status, string detail, IReadOnlyList<string> unenrolledDevices)
        : this(status, detail)
    {
        UnenrolledDevices = unenrolledDevices;
    }

    /// <summary>The HTTP status the ingest answered.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>On a 403 for devices not enrolled on this gateway at the ingest: their ids (else empty).</summary>
    public IReadOnlyList<string> UnenrolledDevices { get; } = [];
}
