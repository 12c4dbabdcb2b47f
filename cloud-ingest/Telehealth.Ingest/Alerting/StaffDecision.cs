using Microsoft.AspNetCore.Http.HttpResults;
using Telehealth.Metadata.People;

namespace Telehealth.Ingest.Alerting;

/// <summary>The outcome of <see cref="StaffAccess.AuthorizeAsync"/>: the therapist and purpose, or the problem to answer.</summary>
public sealed record StaffDecision(StaffMember? Member, string Purpose, ProblemHttpResult? Problem);
