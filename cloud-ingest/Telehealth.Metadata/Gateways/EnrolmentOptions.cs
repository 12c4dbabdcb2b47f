using System.ComponentModel.DataAnnotations;

namespace Telehealth.Metadata.Gateways;

/// <summary>One-time enrolment codes (section <c>Enrolment</c>).</summary>
public sealed class EnrolmentOptions
{
    public const string SectionName = "Enrolment";

    /// <summary>How long an enrolment code can be exchanged, in hours. Default 24.</summary>
    [Range(1, 24 * 30)]
    public int CodeLifetimeHours { get; set; } = 24;
}
