namespace Telehealth.Metadata.Gateways;

/// <summary>What exchanging an enrolment code did.</summary>
public enum EnrolmentStatus
{
    /// <summary>The code was valid: the gateway has a new secret and the code is used up.</summary>
    Enrolled,

    /// <summary>No such gateway, no code outstanding, or a different code (or one already used).</summary>
    InvalidCode,

    /// <summary>The code matches but its lifetime is over; an operator issues a new one.</summary>
    CodeExpired,
}
