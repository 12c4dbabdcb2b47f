namespace Telehealth.Gateway.Core.Enrolment;

/// <summary>The ingest refused the enrolment code (wrong, used or expired): an operator must issue a new one.</summary>
public sealed class EnrolmentRefusedException : Exception
{
    public EnrolmentRefusedException()
    {
    }

    public EnrolmentRefusedException(string message)
        : base(message)
    {
    }

    public EnrolmentRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
