using Telehealth.Metadata.Fleet;

namespace Telehealth.Ingest.Fleet;

/// <summary>The answer of <c>GET /api/v1/fleet/gateways</c>: when it was judged (ingest clock, Unix ms), and the gateways.</summary>
public sealed record FleetGatewayList(long AtMs, int SilentAfterSeconds, IReadOnlyList<GatewayHealth> Gateways);
