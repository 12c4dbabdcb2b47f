using Telehealth.Metadata.Fleet;

namespace Telehealth.Ingest.Fleet;

/// <summary>The answer of <c>GET /api/v1/fleet/gateways/{id}</c>: the gateway's health and its recent heartbeats, newest first.</summary>
public sealed record FleetGatewayDetail(GatewayHealth Gateway, IReadOnlyList<ReceivedHeartbeat> History);
