namespace Telehealth.Gateway.Core.Readings;

/// <summary>The buffer could not commit readings; the device must keep them and resend.</summary>
public sealed class BufferUnavailableException : Exception
{
    public BufferUnavailableException()
    {
    }

    public BufferUnavailableException(string message)
        : base(message)
    {
    }

    public BufferUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the byte budget (or the disk) is full: back-pressure, not a fault.</summary>
    public bool QuotaExceeded { get; init; }
}
