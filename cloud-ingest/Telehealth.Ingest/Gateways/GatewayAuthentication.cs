using Microsoft.AspNetCore.Http.HttpResults;

namespace Telehealth.Ingest.Gateways;

/// <summary>Either the authenticated gateway or the refusal to answer (already audited and logged).</summary>
public sealed record GatewayAuthentication(AuthenticatedGateway? Gateway, ProblemHttpResult? Refusal);
