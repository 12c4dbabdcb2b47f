namespace Telehealth.Simulators.Cli;

/// <summary>Bad command-line input: printed as <c>error: …</c> with exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
