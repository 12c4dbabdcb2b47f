namespace Telehealth.IntegrationTests.Authorization;

/// <summary>What an endpoint authenticates with.</summary>
public enum CredentialKind
{
    /// <summary><c>X-Gateway-Id</c> header and the gateway's secret as bearer token.</summary>
    Gateway,

    /// <summary>A one-time enrolment code in the body (<c>POST /api/v1/enrolment</c>).</summary>
    EnrolmentCode,

    /// <summary>An operator's bearer token.</summary>
    Operator,

    /// <summary>A therapist's bearer token (patient data and alerts of the therapist's care team only).</summary>
    Therapist,
}
