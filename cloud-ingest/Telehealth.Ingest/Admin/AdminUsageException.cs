namespace Telehealth.Ingest.Admin;

/// <summary>The admin command line was wrong (unknown verb, missing argument, bad id).</summary>
public sealed class AdminUsageException : Exception
{
    public AdminUsageException()
    {
    }

    public AdminUsageException(string message)
        : base(message)
    {
    }

    public AdminUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
